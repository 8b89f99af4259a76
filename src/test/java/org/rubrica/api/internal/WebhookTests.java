package org.rubrica.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.api.ApiPermission;
import org.rubrica.api.IntegrationTokens;
import org.rubrica.delivery.ReceiptService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Webhooks end to end against a real HTTP receiver on loopback: registered by an integration token, told of its
 * unit's events with an HMAC signature the receiver can check, retried after a failure with the same delivery id,
 * given up after the last attempt, and silent once deleted. Every call is in the delivery log.
 */
@RubricaTest
class WebhookTests {

    @Autowired WebApplicationContext context;
    @Autowired Acting acting;
    @Autowired IntegrationTokens integrations;
    @Autowired SignedOficios signedOficios;
    @Autowired ReceiptService receipts;
    @Autowired WebhookDispatcher dispatcher;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    record Call(Map<String, String> headers, String body) {
    }

    MockMvc mvc;
    HttpServer receiver;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(Map.of("event", exchange.getRequestHeaders().getFirst("X-Rubrica-Event"),
                    "delivery", exchange.getRequestHeaders().getFirst("X-Rubrica-Delivery"),
                    "timestamp", exchange.getRequestHeaders().getFirst("X-Rubrica-Timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("X-Rubrica-Signature")), body));
            Integer answer = answers.poll();
            exchange.sendResponseHeaders(answer == null ? 204 : answer, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        acting.nobody();
    }

    private String integrationBearer(String unit, String username) {
        acting.as(Acting.ADMIN);
        try {
            return "Bearer " + integrations.create(new IntegrationTokens.Request("Portal " + UUID.randomUUID(),
                    acting.unitId(unit), acting.personId(username),
                    EnumSet.of(ApiPermission.READ, ApiPermission.WEBHOOKS), 1000, null)).token();
        } finally {
            acting.nobody();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** Dispatches at {@code at} until the call was attempted {@code attempts} times (the scheduler may beat us). */
    private void dispatchUntil(UUID oficio, String event, int attempts, Instant at) throws InterruptedException {
        for (int i = 0; i < 100 && attemptsOf(oficio, event) < attempts; i++) {
            dispatcher.dispatchDue(at);
            Thread.sleep(50);
        }
        assertThat(attemptsOf(oficio, event)).isEqualTo(attempts);
    }

    private int attemptsOf(UUID oficio, String event) {
        return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM api_webhook_delivery WHERE event = :e"
                        + " AND payload::jsonb ->> 'oficioId' = :o")
                .param("e", event).param("o", oficio.toString()).query(Integer.class).single();
    }

    @Test
    void the_receiving_unit_is_told_of_delivery_and_receipt_signed_and_again_after_a_failure() throws Exception {
        String bearer = integrationBearer("SEC/DGE", Acting.RECIPIENT);
        String created = mvc.perform(post("/api/v1/webhooks").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"" + url() + "\", \"events\": [\"DELIVERED\", \"RECEIVED\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(created, "$.secret");
        long webhook = ((Number) JsonPath.read(created, "$.webhook.id")).longValue();

        answers.add(500);
        UUID oficio = signedOficios.sent("Calendario de inscripciones " + UUID.randomUUID());
        acting.nobody();
        dispatchUntil(oficio, "oficio.delivered", 1, clock.instant());
        dispatchUntil(oficio, "oficio.delivered", 2, clock.instant().plus(Duration.ofSeconds(31)));

        List<Call> delivered = calls.stream().filter(c -> c.body().contains(oficio.toString())).toList();
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0).headers().get("delivery")).isEqualTo(delivered.get(1).headers().get("delivery"));
        for (Call call : delivered) {
            assertThat(call.headers().get("event")).isEqualTo("oficio.delivered");
            assertThat(call.headers().get("signature")).isEqualTo("sha256="
                    + WebhookDispatcher.signature(secret, call.headers().get("timestamp"), call.body()));
            assertThat((String) JsonPath.read(call.body(), "$.unit")).isEqualTo("SEC/DGE");
            assertThat((String) JsonPath.read(call.body(), "$.event")).isEqualTo("oficio.delivered");
        }
        // a forged body does not match the signature
        assertThat(WebhookDispatcher.signature(secret, delivered.get(0).headers().get("timestamp"),
                delivered.get(0).body().replace("SEC/DGE", "SEC/DCU")))
                .isNotEqualTo(delivered.get(0).headers().get("signature").substring(7));

        String log = mvc.perform(get("/api/v1/webhooks/" + webhook + "/deliveries")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(log, "$[?(@.event == 'oficio.delivered')].status"))
                .contains("DELIVERED");
        assertThat((List<Integer>) JsonPath.read(log, "$[?(@.event == 'oficio.delivered')].attempts")).contains(2);

        acting.as(Acting.RECIPIENT);
        String entry = receipts.register(oficio, acting.unitId("SEC/DGE")).entryNumber();
        acting.nobody();
        dispatchUntil(oficio, "oficio.received", 1, clock.instant());
        assertThat(calls).anySatisfy(c -> {
            assertThat(c.headers().get("event")).isEqualTo("oficio.received");
            assertThat((String) JsonPath.read(c.body(), "$.entryNumber")).isEqualTo(entry);
        });

        // a person's own login token has no webhooks
        String person = "Bearer " + JsonPath.read(mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + Acting.RECIPIENT
                                + "\",\"password\":\"" + Acting.PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString(), "$.accessToken");
        mvc.perform(get("/api/v1/webhooks").header(HttpHeaders.AUTHORIZATION, person))
                .andExpect(status().isForbidden());

        mvc.perform(delete("/api/v1/webhooks/" + webhook).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isNoContent());
        UUID later = signedOficios.sent("Otro aviso " + UUID.randomUUID());
        acting.nobody();
        assertThat(jdbc.sql("SELECT count(*) FROM api_webhook_delivery WHERE payload::jsonb ->> 'oficioId' = :o")
                .param("o", later.toString()).query(Long.class).single()).isZero();
    }

    @Test
    void a_receiver_that_never_answers_is_given_up_after_the_last_attempt_and_bad_urls_are_refused()
            throws Exception {
        String bearer = integrationBearer("SEC/DGE", Acting.RECIPIENT);
        mvc.perform(post("/api/v1/webhooks").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"ftp://127.0.0.1/hook\", \"events\": [\"DELIVERED\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("webhook.url"));
        mvc.perform(post("/api/v1/webhooks").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"" + url() + "\", \"events\": []}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("webhook.events"));

        int port;
        try (var closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // nobody listens there once it is closed
        }
        mvc.perform(post("/api/v1/webhooks").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"http://127.0.0.1:" + port + "/gone\", \"events\": [\"DELIVERED\"]}"))
                .andExpect(status().isCreated());

        UUID oficio = signedOficios.sent("Convocatoria " + UUID.randomUUID());
        acting.nobody();
        Instant at = clock.instant();
        for (int attempt = 1; attempt <= WebhookDispatcher.MAX_ATTEMPTS; attempt++) {
            dispatchUntil(oficio, "oficio.delivered", attempt, at);
            at = at.plus(Duration.ofHours(2));
        }
        dispatcher.dispatchDue(at.plus(Duration.ofDays(1)));
        assertThat(jdbc.sql("SELECT status || ' ' || attempts || ' ' || (last_error IS NOT NULL)"
                        + " FROM api_webhook_delivery WHERE payload::jsonb ->> 'oficioId' = :o")
                .param("o", oficio.toString()).query(String.class).single())
                .isEqualTo("FAILED " + WebhookDispatcher.MAX_ATTEMPTS + " true");
    }
}
