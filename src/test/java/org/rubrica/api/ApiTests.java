package org.rubrica.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

@RubricaTest
class ApiTests extends ApiTestSupport {

    private String createDraft(String auth, String subject) throws Exception {
        String body = mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"template":"oficio","recipientUnitCode":"SEC/DGE","subject":"%s",
                                 "body":"<p>Solicito información.</p><img src=x onerror=alert(1)>"}""".formatted(subject)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/oficios/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.body").value("<p>Solicito información.</p>"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void a_client_creates_reads_renders_and_sends_an_oficio_which_reaches_the_recipients_inbox() throws Exception {
        String drafter = token(Acting.DRAFTER);
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("mlopez"))
                .andExpect(jsonPath("$.unit.code").value("SOP/DOP"))
                .andExpect(jsonPath("$.roles", hasItem("DRAFTER")));
        mvc.perform(get("/api/v1/templates").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("oficio")));

        String id = createDraft(drafter, "Informe de obras por API");
        mvc.perform(get("/api/v1/oficios/" + id).header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(jsonPath("$.subject").value("Informe de obras por API"));
        byte[] pdf = mvc.perform(get("/api/v1/oficios/" + id + "/pdf").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");

        mvc.perform(post("/api/v1/oficios/" + id + "/send").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409)); // not signed yet
        signedOficios.signDraft(java.util.UUID.fromString(id));
        acting.nobody();
        mvc.perform(post("/api/v1/oficios/" + id + "/send").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SENT"));
        mvc.perform(post("/api/v1/oficios/" + id + "/send").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409));

        mvc.perform(get("/api/v1/inbox").header(HttpHeaders.AUTHORIZATION, token(Acting.RECIPIENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].subject", hasItem("Informe de obras por API")));
    }

    @Test
    void a_person_of_another_unit_gets_not_found_for_a_draft_id() throws Exception {
        String id = createDraft(token(Acting.DRAFTER), "Borrador ajeno");
        String other = token(Acting.OTHER_UNIT_DRAFTER);
        mvc.perform(get("/api/v1/oficios/" + id).header(HttpHeaders.AUTHORIZATION, other))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("El recurso no existe o no tiene acceso a él."));
        mvc.perform(post("/api/v1/oficios/" + id + "/send").header(HttpHeaders.AUTHORIZATION, other))
                .andExpect(status().isNotFound());
    }

    @Test
    void requests_without_a_valid_token_get_401_in_json() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("api.error.unauthorized"));
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"mlopez\",\"password\":\"mala\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Usuario o contraseña incorrectos."));
    }

    @Test
    void bad_requests_get_4xx_with_a_json_body_never_500() throws Exception {
        String auth = token(Acting.DRAFTER);
        mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subject\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.error.malformed"));
        mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recipientUnitCode\":\"SEC/DGE\",\"body\":\"<p>x</p>\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("subject"))
                .andExpect(jsonPath("$.detail").value("Este dato es obligatorio."));
        mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, auth)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recipientUnitCode\":\"SEC/DGE\",\"body\":\"<p>x</p>\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("This is required."));
        mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"" + "x".repeat(1_100_000) + "\"}"))
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.code").value("api.error.too-large"));
        mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recipientUnitCode\":\"SEC/DGE\",\"subject\":\"S\",\"body\":\"<p>x</p>\",\"fields\":{\"referencia\":null}}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.TEXT_PLAIN).content("hola"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.status").value(415));
        mvc.perform(get("/api/v1/no-existe").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/oficios/no-es-un-id").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/oficios/" + java.util.UUID.randomUUID() + "/pdf").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isNotFound());
    }

    @Test
    void templates_are_read_and_previewed_and_their_versions_are_for_administrators() throws Exception {
        String drafter = token(Acting.DRAFTER);
        mvc.perform(get("/api/v1/templates/oficio").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("oficio"))
                .andExpect(jsonPath("$.fields[*].name", hasItem("referencia")));
        byte[] pdf = mvc.perform(post("/api/v1/templates/oficio/preview").header(HttpHeaders.AUTHORIZATION, drafter)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recipientUnitCode\":\"SEC/DGE\",\"subject\":\"Vista previa\",\"body\":\"<p>Texto</p>\",\"fields\":{\"referencia\":\"REF-9\"}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");
        mvc.perform(get("/api/v1/templates/oficio/versions").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isForbidden());
        String admin = token("plantillas");
        mvc.perform(get("/api/v1/templates/oficio/versions").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].versionNo").isNumber());
        mvc.perform(get("/api/v1/templates/oficio/versions/1").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source", containsString("base.ftlx")));
        mvc.perform(get("/api/v1/templates/no-existe").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_openapi_document_describes_the_api() throws Exception {
        mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Rubrica API"))
                .andExpect(content().string(containsString("/api/v1/oficios/{id}/send")))
                .andExpect(content().string(containsString("/api/v1/auth/token")));
    }
}
