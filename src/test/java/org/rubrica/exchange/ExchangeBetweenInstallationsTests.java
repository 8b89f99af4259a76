package org.rubrica.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.shared.ContentHash;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two Rubrica installations on loopback, each with its own port and database: this test's (the municipality,
 * node MSAV) and a second one started in another JVM (the state, node ESTADO). Their administrators register each
 * other's node certificate over the API; then the municipality's envelope reaches the state and is accepted once,
 * while the same envelope again, a tampered one and one from an unknown installation are refused — and the state
 * keeps each refusal, with its reason, in its own database. Then the whole round: an oficio the municipality signs
 * and sends to the state's unit (a unit of its directory standing for the state's) is packed in the send, posted,
 * and lands in the state's SEC/DGE inbox with its signed PDF byte for byte; the state's receiving office registers
 * it, and its signed acknowledgement comes back to the municipality, whose trail of the oficio shows it.
 */
// the municipality listens on a port of its own too, for the state's acknowledgement (the browser test's context)
@org.springframework.boot.test.context.SpringBootTest(
        webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@org.springframework.test.context.ActiveProfiles("demo")
class ExchangeBetweenInstallationsTests {

    /** A real signed PDF of the municipality's: an envelope's first file must be one. */
    static byte[] pdf;
    static Process peer;
    static int port;
    static String peerDatabase;
    static final HttpClient http = HttpClient.newHttpClient();

    @org.springframework.boot.test.web.server.LocalServerPort int ourPort;
    @Autowired org.rubrica.audit.Trail trail;
    @Autowired EnvelopeExchange exchange;
    @Autowired KnownNodes nodes;
    @Autowired Acting acting;
    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired org.rubrica.drafting.OficioService oficios;
    @Autowired org.rubrica.delivery.DeliveryService delivery;
    @Autowired org.rubrica.directory.Directory directory;
    @Autowired org.rubrica.exchange.internal.OutboundDispatcher dispatcher;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startPeer() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = System.getProperty("spring.datasource.url");
        peerDatabase = url.substring(url.lastIndexOf('/') + 1) + "_peer";
        onServer("CREATE DATABASE " + peerDatabase);
        peer = org.rubrica.OtherJvm.start(PeerInstallation.class, String.valueOf(port),
                url.substring(0, url.lastIndexOf('/') + 1) + peerDatabase, "ESTADO");
        assertThat(ready(peer).get(180, TimeUnit.SECONDS)).as("the second installation started").isTrue();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.destroy();
            peer.waitFor(30, TimeUnit.SECONDS);
            peer.destroyForcibly();
        }
        onServer("DROP DATABASE IF EXISTS " + peerDatabase + " WITH (FORCE)");
    }

    /** Runs a statement on the test run's PostgreSQL server, outside any database of the application. */
    private static void onServer(String sql) throws java.sql.SQLException {
        String url = System.getProperty("spring.datasource.url");
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
             var statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void an_envelope_travels_to_the_other_installation_once_and_bad_ones_are_refused_and_logged_there()
            throws Exception {
        UUID sample = signedOficios.signed("Oficio de prueba entre instalaciones");
        acting.as(Acting.DRAFTER);
        pdf = signedOficios.signedPdf(sample);
        acting.nobody();
        // each administrator registers the other installation, trusting its node certificate
        String peerNode = get("/api/v1/exchange/node", null);
        assertThat((String) JsonPath.read(peerNode, "$.code")).isEqualTo("ESTADO");
        acting.as(Acting.ADMIN);
        nodes.register("ESTADO", "Gobierno del Estado", base(), JsonPath.read(peerNode, "$.certificate"),
                List.of(new KnownNode.RemoteUnit("SEC/DGE", "Dirección de Educación del Estado")));
        acting.nobody();
        String adminToken = JsonPath.read(send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + Acting.ADMIN + "\",\"password\":\""
                        + Acting.PASSWORD + "\"}")).build(), 200), "$.accessToken");
        String registration = "{\"name\": \"Municipio de San Andrés del Valle\", \"baseUrl\": \"http://127.0.0.1:"
                + ourPort + "\","
                + " \"certificate\": " + quoted(nodes.ownCertificatePem())
                + ", \"units\": [{\"code\": \"SEC/DGE\", \"name\": \"Dirección General de Educación\"}]}";
        send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/exchange/nodes/" + nodes.ownCode()))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(registration)).build(), 200);

        Envelope envelope = new Envelope(UUID.randomUUID(), Instant.now(), nodes.ownCode(), "SEC/DGE",
                "Dirección General de Educación", "ESTADO", "SEC/DGE", "SEC/DGE/0007/2026", "OFICIO",
                "Solicitud de plazas docentes", false,
                List.of(new Envelope.Part("oficio.pdf", "application/pdf", ContentHash.ofBytes(pdf))));
        byte[] signed = exchange.pack(envelope);
        String accepted = post(signed, 202);
        assertThat((String) JsonPath.read(accepted, "$.envelopeId")).isEqualTo(envelope.id().toString());
        assertThat((String) JsonPath.read(post(signed, 409), "$.code")).isEqualTo("exchange.refused.REPLAYED");

        byte[] tampered = new String(exchange.pack(new Envelope(UUID.randomUUID(), Instant.now(), nodes.ownCode(),
                "SEC/DGE", "Dirección General de Educación", "ESTADO", "SEC/DGE", "SEC/DGE/0008/2026", "OFICIO",
                "Solicitud de plazas docentes", false, envelope.parts())), StandardCharsets.UTF_8)
                .replace("SEC/DGE/0008/2026", "SEC/DGE/0009/2026").getBytes(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(post(tampered, 422), "$.code")).isEqualTo("exchange.refused.BAD_SIGNATURE");
        byte[] unknown = exchange.pack(new Envelope(UUID.randomUUID(), Instant.now(), "OTRO", "X", "X", "ESTADO",
                "SEC/DGE", "X/0001/2026", "OFICIO", "X", false, envelope.parts()));
        assertThat((String) JsonPath.read(post(unknown, 422), "$.code")).isEqualTo("exchange.refused.UNKNOWN_NODE");

        // a real oficio, signed and sent by the municipality to the state's unit, travels as an envelope
        long remoteUnit = directory.unitByCode("ESTADO/SEC/DGE").orElseThrow().id();
        acting.as(Acting.DRAFTER);
        UUID oficio = oficios.startDraft("oficio", new org.rubrica.drafting.DraftContent(remoteUnit,
                "Convenio de capacitación docente", "<p>Se propone el convenio de capacitación.</p>", Map.of()));
        acting.nobody();
        signedOficios.signDraft(oficio);
        acting.as(Acting.DRAFTER);
        delivery.send(oficio);
        acting.nobody();
        assertThat(dispatcher.dispatchDue(Instant.now())).isPositive();
        String sentEnvelope = jdbc.sql("SELECT status || ' ' || attempts || ' ' || envelope_id FROM exchange_outbound"
                + " WHERE oficio_id = ?").param(oficio).query(String.class).single();
        assertThat(sentEnvelope).startsWith("DELIVERED 1 ");

        // the state's own log, in its own database
        String url = System.getProperty("spring.datasource.url");
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + peerDatabase,
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
             var rs = c.createStatement().executeQuery("SELECT status || ' ' || coalesce(reason, '') FROM"
                     + " exchange_inbound ORDER BY id")) {
            List<String> log = new ArrayList<>();
            while (rs.next()) {
                log.add(rs.getString(1).strip());
            }
            assertThat(log).containsExactly("ACCEPTED", "REFUSED REPLAYED", "REFUSED BAD_SIGNATURE",
                    "REFUSED UNKNOWN_NODE", "ACCEPTED");
        }
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + peerDatabase,
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
             var rs = c.createStatement().executeQuery("SELECT envelope_id, node_code FROM exchange_inbound"
                     + " ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo(nodes.ownCode());
            assertThat(sentEnvelope).endsWith(rs.getString(1));
        }
        // and it is in the state's SEC/DGE inbox, with the municipality's signed PDF, byte for byte
        String office = JsonPath.read(send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + Acting.RECIPIENT
                        + "\",\"password\":\"" + Acting.PASSWORD + "\"}")).build(), 200), "$.accessToken");
        String inbox = get("/api/v1/inbox", office);
        List<String> received = JsonPath.read(inbox, "$[?(@.subject == 'Convenio de capacitación docente')].oficioId");
        assertThat(received).hasSize(1);
        HttpResponse<byte[]> signedThere = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/oficios/"
                        + received.getFirst() + "/signed-pdf")).header("Authorization", "Bearer " + office).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signedThere.statusCode()).isEqualTo(200);
        acting.as(Acting.DRAFTER);
        assertThat(signedThere.body()).isEqualTo(signedOficios.signedPdf(oficio));
        acting.nobody();

        // the state's receiving office registers it; its signed acknowledgement comes back to the sender's trail
        String receipt = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/oficios/" + received.getFirst()
                        + "/receipts")).header("Authorization", "Bearer " + office)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        String entry = JsonPath.read(receipt, "$.entryNumber");
        acting.as(Acting.DRAFTER);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (trail.of(oficio).stream().noneMatch(t -> t.type().equals("ACKNOWLEDGED"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(trail.of(oficio)).anySatisfy(t -> {
                assertThat(t.type()).isEqualTo("ACKNOWLEDGED");
                assertThat(t.detail()).startsWith("ESTADO · SEC/DGE — " + entry + " — SHA-256 ");
            });
        } finally {
            acting.nobody();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), 200);
    }

    /** Posts the envelope with its PDF as the multipart form another installation would send. */
    private static String post(byte[] envelope, int expected) throws Exception {
        String boundary = "rubrica-" + UUID.randomUUID();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("envelope\"; filename=\"envelope.xml", envelope);
        parts.put("oficio.pdf\"; filename=\"oficio.pdf", pdf);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var part : parts.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(part.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/exchange/envelopes"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), expected);
    }

    private static String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.method() + " " + request.uri() + ": " + response.body())
                .isEqualTo(expected);
        return response.body();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    private static CompletableFuture<Boolean> ready(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains(PeerInstallation.READY)) {
                        // keep draining its output so it never blocks on a full pipe
                        var rest = out;
                        CompletableFuture.runAsync(() -> rest.lines().forEach(l -> { }));
                        return true;
                    }
                    if (line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println("[peer] " + line);
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }
}
