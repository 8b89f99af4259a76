package org.rubrica.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.exchange.Envelope;
import org.rubrica.exchange.EnvelopeExchange;
import org.rubrica.exchange.EnvelopeRefused;
import org.rubrica.exchange.KnownNode;
import org.rubrica.exchange.KnownNodes;
import jakarta.servlet.http.HttpServletRequest;

import org.rubrica.shared.ClientRateLimiter;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Exchange between installations: this installation's node identity (public, for the other's administrator to
 * register), the directory of known installations (organisation administrators), and the door envelopes arrive
 * at — open without a token, since each envelope proves its sender by its signature.
 */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange between installations")
class ExchangeController {

    record NodeInfo(@Schema(example = "MSAV") String code, String name,
                    @Schema(description = "PEM; register it on the other installation") String certificate) {
    }

    record NodeRegistration(@Schema(example = "Gobierno del Estado") String name,
                            @Schema(example = "https://rubrica.estado.gob.example") String baseUrl,
                            @Schema(example = "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----")
                            String certificate,
                            @Schema(example = "[{\"code\": \"SEDU/DPE\", \"name\": \"Dirección de Planeación Educativa\"}]")
                            List<KnownNode.RemoteUnit> units) {
    }

    record NodeView(String code, String name, String baseUrl, boolean active, List<KnownNode.RemoteUnit> units) {
        static NodeView of(KnownNode node) {
            return new NodeView(node.code(), node.name(), node.baseUrl(), node.active(), node.units());
        }
    }

    record Accepted(String envelopeId, String status) {
    }

    private final KnownNodes nodes;
    private final EnvelopeExchange exchange;
    private final org.rubrica.api.internal.ApiProblems problems;
    /** The open doors check signatures (costly) and log refusals: held to a number of arrivals per address. */
    private final ClientRateLimiter arrivals;

    ExchangeController(KnownNodes nodes, EnvelopeExchange exchange, org.rubrica.api.internal.ApiProblems problems,
                       @Value("${rubrica.exchange.arrivals-per-minute:120}") int perAddress,
                       @Value("${rubrica.exchange.all-arrivals-per-minute:600}") int overall, Clock clock) {
        this.nodes = nodes;
        this.exchange = exchange;
        this.problems = problems;
        this.arrivals = new ClientRateLimiter(perAddress, overall, Duration.ofMinutes(1), clock);
    }

    @GetMapping("/node")
    @Operation(summary = "This installation's code, name and node certificate (public)")
    NodeInfo node() {
        return new NodeInfo(nodes.ownCode(), nodes.ownName(), nodes.ownCertificatePem());
    }

    @GetMapping("/nodes")
    @Operation(summary = "The installations this one exchanges with (organisation administrators)")
    List<NodeView> list() {
        return nodes.list().stream().map(NodeView::of).toList();
    }

    @PutMapping("/nodes/{code}")
    @Operation(summary = "Register or update another installation, trusted by its node certificate "
            + "(organisation administrators)")
    NodeView register(@PathVariable String code, @RequestBody NodeRegistration registration) {
        return NodeView.of(nodes.register(code, registration.name(), registration.baseUrl(),
                registration.certificate(), registration.units()));
    }

    @PostMapping(path = "/acknowledgements", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Deliver the signed acknowledgement of an envelope this installation sent (public: its "
            + "XAdES signature proves its sender)",
            description = "202 when accepted (the oficio's trail shows it); 409 when received before; 422 with the "
                    + "reason (exchange.refused.*) when refused.")
    ResponseEntity<?> acknowledge(@RequestBody byte[] xml, HttpServletRequest request, java.util.Locale locale) {
        arrivals.acquire(request.getRemoteAddr(), "exchange.too-many");
        try {
            var ack = exchange.acknowledge(xml);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(ack.id().toString(), "ACCEPTED"));
        } catch (EnvelopeRefused e) {
            return refused(e, locale);
        }
    }

    private ResponseEntity<ProblemDetail> refused(EnvelopeRefused e, java.util.Locale locale) {
        HttpStatus status = e.reason() == EnvelopeRefused.Reason.REPLAYED ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(problems.problem(status, "exchange.refused." + e.reason().name(),
                locale));
    }

    @PostMapping(path = "/envelopes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Deliver an envelope from another installation (public: the envelope's XAdES signature "
            + "proves its sender)",
            description = "Multipart: the part 'envelope' holds the signed XML, each other part one of the files it "
                    + "names (by file name). 202 when accepted; 409 when it was received before; 422 with the "
                    + "reason (exchange.refused.*) when it is refused.")
    ResponseEntity<?> receive(MultipartHttpServletRequest request, java.util.Locale locale) throws IOException {
        arrivals.acquire(request.getRemoteAddr(), "exchange.too-many");
        MultipartFile envelope = request.getFile("envelope");
        if (envelope == null) {
            throw new InvalidInputException("exchange.refused.MALFORMED", "envelope");
        }
        Map<String, byte[]> files = new HashMap<>();
        for (MultipartFile file : request.getFileMap().values()) {
            if (file != envelope) {
                files.put(file.getOriginalFilename(), file.getBytes());
            }
        }
        try {
            Envelope accepted = exchange.receive(envelope.getBytes(), files);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(accepted.id().toString(), "ACCEPTED"));
        } catch (EnvelopeRefused e) {
            return refused(e, locale);
        }
    }
}
