package org.rubrica.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * An external system (the public works unit's project tracker) creates, submits, sends and tracks an oficio only
 * through the API, with an integration token; the one human step is the director's approval and signature, which
 * she gives over the API with her own login and PIN.
 */
@RubricaTest
class IntegrationStoryTests extends ApiTestSupport {

    @Autowired IntegrationTokens integrations;

    @Test
    void an_external_system_drafts_submits_sends_and_tracks_an_oficio_with_its_token() throws Exception {
        acting.as(Acting.ADMIN);
        String system = "Bearer " + integrations.create(new IntegrationTokens.Request("Seguimiento de obras",
                acting.unitId("SOP/DOP"), acting.personId(Acting.DRAFTER),
                EnumSet.of(ApiPermission.READ, ApiPermission.DRAFT, ApiPermission.SEND), 600, null)).token();
        Person director = signedOficios.director();
        acting.nobody();

        String created = mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, system)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"recipientUnitCode": "SEC/DGE", "subject": "Avance de rehabilitación de escuelas",
                                 "body": "<p>Se informa el avance de las obras en las escuelas del municipio.</p>"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String base = "/api/v1/oficios/" + JsonPath.read(created, "$.id");
        mvc.perform(put(base + "/route").header(HttpHeaders.AUTHORIZATION, system)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"kind\": \"SIGN\", \"mode\": \"ALL\", \"personIds\": [" + director.id() + "]}]"))
                .andExpect(status().isOk());
        mvc.perform(post(base + "/route/submit").header(HttpHeaders.AUTHORIZATION, system))
                .andExpect(status().isOk());
        // the token may not decide on the route (it was not given the approval permission)
        mvc.perform(post(base + "/route/decision").header(HttpHeaders.AUTHORIZATION, system)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"APPROVED\"}"))
                .andExpect(status().isForbidden());

        // the director approves and signs with her own login and PIN
        signedOficios.freshCredential(director, "528164");
        acting.nobody();
        String her = token(director.username());
        mvc.perform(post(base + "/route/decision").header(HttpHeaders.AUTHORIZATION, her)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"APPROVED\"}"))
                .andExpect(status().isOk());
        mvc.perform(post(base + "/sign").header(HttpHeaders.AUTHORIZATION, her)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pin\": \"528164\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.complete").value(true));

        mvc.perform(get(base).header(HttpHeaders.AUTHORIZATION, system))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED"))
                .andExpect(jsonPath("$.number", Matchers.startsWith("SOP/DOP/")));
        mvc.perform(post(base + "/send").header(HttpHeaders.AUTHORIZATION, system)).andExpect(status().isOk());
        mvc.perform(get(base + "/delivery").header(HttpHeaders.AUTHORIZATION, system))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].unitLabel", Matchers.startsWith("SEC/DGE")));
        mvc.perform(get(base + "/trail").header(HttpHeaders.AUTHORIZATION, system)).andExpect(status().isOk());
        mvc.perform(get(base + "/signed-pdf").header(HttpHeaders.AUTHORIZATION, system)).andExpect(status().isOk());
    }
}
