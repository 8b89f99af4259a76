package org.rubrica.api;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** An external system routes a draft and its reviewers decide, through the API only. */
@RubricaTest
class RoutingApiTests extends ApiTestSupport {


    @Test
    void a_head_manages_delegations_over_the_api() throws Exception {
        Person director = acting.person("Arq. Beatriz Elena Campos Rangel");
        Person substitute = acting.person("Ing. Sergio Ramírez Treviño");
        String auth = token(director.username());
        java.time.LocalDate today = java.time.LocalDate.now();
        mvc.perform(post("/api/v1/delegations").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"substituteId\":" + director.id() + ",\"signs\":true,\"startsOn\":\"" + today
                                + "\",\"endsOn\":\"" + today + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("delegation.self"));
        String body = mvc.perform(post("/api/v1/delegations").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"substituteId\":" + substitute.id() + ",\"signs\":true,\"startsOn\":\""
                                + today.plusDays(30) + "\",\"endsOn\":\"" + today.plusDays(31) + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$[0].id");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/delegations/" + id)
                        .header(HttpHeaders.AUTHORIZATION, token(substitute.username())))
                .andExpect(status().isNotFound()); // only who granted it ends it
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/delegations/" + id)
                        .header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].revoked").value(true));
    }

    @Test
    void a_draft_is_routed_submitted_and_decided_over_the_api() throws Exception {
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");
        Person signer = acting.person("Arq. Beatriz Elena Campos Rangel");
        String owner = token(Acting.DRAFTER);
        String created = mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, owner)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"template":"oficio","recipientUnitCode":"SEC/DGE","subject":"Ruta por API",
                                 "body":"<p>Texto.</p>"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String base = "/api/v1/oficios/" + JsonPath.read(created, "$.id");

        mvc.perform(post(base + "/route/submit").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("routing.no-signer"));
        mvc.perform(put(base + "/route").header(HttpHeaders.AUTHORIZATION, owner).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"kind\":\"REVIEW\",\"mode\":\"ALL\",\"personIds\":[" + reviewer.id() + "]},"
                                + "{\"kind\":\"SIGN\",\"mode\":\"ANY\",\"personIds\":[" + signer.id() + "]}]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.steps.length()").value(2));
        mvc.perform(post(base + "/route/submit").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.currentPosition").value(1));

        String rev = token(reviewer.username());
        mvc.perform(get("/api/v1/pending").header(HttpHeaders.AUTHORIZATION, rev))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].subject", hasItem("Ruta por API")));
        mvc.perform(post(base + "/route/decision").header(HttpHeaders.AUTHORIZATION, token(signer.username()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\"}"))
                .andExpect(status().isForbidden()); // not their step yet
        mvc.perform(post(base + "/route/decision").header(HttpHeaders.AUTHORIZATION, rev)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentPosition").value(2));
        mvc.perform(post(base + "/route/decision").header(HttpHeaders.AUTHORIZATION, rev)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("routing.already-decided"));
        mvc.perform(post(base + "/route/decision").header(HttpHeaders.AUTHORIZATION, token(signer.username()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\",\"comment\":\"Procede\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void an_urgent_oficio_is_turned_over_the_api_and_waits_in_the_assignees_pending_list() throws Exception {
        Person manager = acting.person("Emilio Castro Valdés");
        String sender = token(Acting.DRAFTER);
        String created = mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, sender)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"recipientUnitCode": "SEC", "subject": "Turno por API", "body": "<p>Texto.</p>",
                                 "priority": "URGENT"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.priority").value("URGENT"))
                .andReturn().getResponse().getContentAsString();
        String base = "/api/v1/oficios/" + JsonPath.read(created, "$.id");
        signedOficios.signDraft(java.util.UUID.fromString(JsonPath.read(created, "$.id")));
        acting.nobody();
        mvc.perform(post(base + "/send").header(HttpHeaders.AUTHORIZATION, sender)).andExpect(status().isOk());

        String office = token(acting.person("Verónica Pérez Solís").username());
        mvc.perform(post(base + "/assignments").header(HttpHeaders.AUTHORIZATION, office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assigneeIds\": [" + manager.id() + "]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("delivery.receipt.first"));
        mvc.perform(post(base + "/receipts").header(HttpHeaders.AUTHORIZATION, office)).andExpect(status().isOk());
        mvc.perform(post(base + "/assignments").header(HttpHeaders.AUTHORIZATION, office)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assigneeIds\": [" + acting.person("Ing. Miguel López Serrano").id() + "]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("delivery.assign.outside-unit"));
        mvc.perform(post(base + "/assignments").header(HttpHeaders.AUTHORIZATION, office)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assigneeIds\": [" + manager.id() + "], \"instructions\": \"Atienda\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].assigneeName").value(manager.fullName()));

        String him = token(manager.username());
        mvc.perform(get("/api/v1/pending").param("work", "ASSIGNED").param("q", "turno API")
                        .header(HttpHeaders.AUTHORIZATION, him))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].work").value("ASSIGNED"))
                .andExpect(jsonPath("$[0].priority").value("URGENT"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Total-Count", "1"));
        mvc.perform(get("/api/v1/pending?order=SOONEST").header(HttpHeaders.AUTHORIZATION, him))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.error.bad-parameter"));
        mvc.perform(post(base + "/assignments/attended").header(HttpHeaders.AUTHORIZATION, him))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].closedReason").value("DONE"));
        mvc.perform(get("/api/v1/pending").param("work", "ASSIGNED").param("q", "turno API")
                        .header(HttpHeaders.AUTHORIZATION, him))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }
}
