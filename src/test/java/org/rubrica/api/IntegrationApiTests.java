package org.rubrica.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Integration tokens: made by an organisation administrator, kept as a hash, acting as one person of one unit
 * with the permissions given, held to their requests per minute, and ended by revocation or expiry.
 */
@RubricaTest
class IntegrationApiTests extends ApiTestSupport {

    @Autowired IntegrationTokens integrations;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private IntegrationTokens.Created token(String name, String unit, String username, Set<ApiPermission> permissions,
                                            int perMinute) {
        acting.as(Acting.ADMIN);
        try {
            return integrations.create(new IntegrationTokens.Request(name, acting.unitId(unit),
                    acting.personId(username), permissions, perMinute, null));
        } finally {
            acting.nobody();
        }
    }

    @Test
    void a_token_drafts_as_its_person_within_its_permissions_until_it_is_revoked() throws Exception {
        var created = token("Sistema de obra pública", "SOP/DOP", Acting.DRAFTER,
                EnumSet.of(ApiPermission.READ, ApiPermission.DRAFT), 100);
        String bearer = "Bearer " + created.token();
        assertThat(created.token()).startsWith(IntegrationTokens.PREFIX).hasSizeGreaterThan(40);

        // only the hash is kept; the hint is a few characters of it, enough to tell tokens apart
        byte[] stored = jdbc.sql("SELECT token_hash FROM api_integration_token WHERE id = :id")
                .param("id", created.listed().id()).query(byte[].class).single();
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(created.token().getBytes(StandardCharsets.US_ASCII)));
        assertThat(created.listed().hint()).isEqualTo(created.token().substring(0, 10) + "…");

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(Acting.DRAFTER));
        String draft = mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"recipientUnitCode": "SEC/DGE", "subject": "Avance de obra en escuelas",
                                 "body": "<p>Se informa el avance.</p>"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(draft, "$.id");
        mvc.perform(get("/api/v1/oficios/" + id).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.subject").value("Avance de obra en escuelas"));

        // what it was not given: sending, signing, a person's own delegations
        mvc.perform(post("/api/v1/oficios/" + id + "/send").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("api.error.forbidden"));
        mvc.perform(post("/api/v1/oficios/" + id + "/sign").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pin\": \"000000\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/delegations").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + IntegrationTokens.PREFIX + "x"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("api.error.unauthorized"));

        acting.as(Acting.ADMIN);
        assertThat(integrations.list()).filteredOn(t -> t.id() == created.listed().id()).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
        assertThat(integrations.revoke(created.listed().id()).revokedAt()).isNotNull();
        acting.nobody();
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_token_past_its_rate_gets_429_with_retry_after_and_an_expired_one_is_refused() throws Exception {
        var created = token("Tablero de seguimiento", "SEC/DGE", Acting.RECIPIENT, EnumSet.of(ApiPermission.READ), 3);
        String bearer = "Bearer " + created.token();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/inbox").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/inbox").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.code").value("integration.too-many"));

        var expiring = token("Consulta temporal", "SEC/DGE", Acting.RECIPIENT, EnumSet.of(ApiPermission.READ), 60);
        jdbc.sql("UPDATE api_integration_token SET expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", expiring.listed().id()).update();
        mvc.perform(get("/api/v1/inbox").header(HttpHeaders.AUTHORIZATION, "Bearer " + expiring.token()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void only_an_organisation_administrator_makes_tokens_and_each_bad_field_is_named() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> integrations.create(new IntegrationTokens.Request("X", acting.unitId("SOP/DOP"),
                acting.personId(Acting.DRAFTER), EnumSet.of(ApiPermission.READ), 10, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(integrations::list).isInstanceOf(AccessDeniedException.class);

        acting.as(Acting.ADMIN);
        long unit = acting.unitId("SOP/DOP");
        long person = acting.personId(Acting.DRAFTER);
        var read = EnumSet.of(ApiPermission.READ);
        assertThatThrownBy(() -> integrations.create(new IntegrationTokens.Request(" ", unit, person, read, 10, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("integration.name"));
        assertThatThrownBy(() -> integrations.create(new IntegrationTokens.Request("X", acting.unitId("SEC/DGE"),
                person, read, 10, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("integration.person"));
        assertThatThrownBy(() -> integrations.create(new IntegrationTokens.Request("X", unit, person,
                EnumSet.noneOf(ApiPermission.class), 10, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("integration.permissions"));
        assertThatThrownBy(() -> integrations.create(new IntegrationTokens.Request("X", unit, person, read, 0, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("integration.rate"));
        assertThatThrownBy(() -> integrations.create(new IntegrationTokens.Request("X", unit, person, read, 10,
                java.time.LocalDate.now().minusDays(2))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("integration.expiry"));
    }
}
