package org.rubrica.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Issue 7 over the API: recipients and annexes on a draft, sending, the receiving office's receipt (twice, one
 * number) and acknowledgement, the outbox's progress, a reply and its thread, the trail, search, forwarding.
 */
@RubricaTest
class DeliveryApiTests extends ApiTestSupport {

    @Test
    void an_oficio_travels_is_received_answered_and_found_over_the_api() throws Exception {
        String drafter = token(Acting.DRAFTER);
        String created = mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, drafter)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"recipientUnitCode": "SEC/DGE", "subject": "Inventario de bibliotecas Yaxcabá",
                                 "body": "<p>Se remite el inventario.</p>"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String base = "/api/v1/oficios/" + id;

        mvc.perform(put(base + "/recipients").header(HttpHeaders.AUTHORIZATION, drafter)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"addressing\": \"CC\", \"unitCode\": \"SEC/DCU\"}, {\"addressing\": \"XX\"}]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.error.invalid-value"));
        mvc.perform(put(base + "/recipients").header(HttpHeaders.AUTHORIZATION, drafter)
                        .contentType(MediaType.APPLICATION_JSON).content("[{\"addressing\": \"CC\", \"unitCode\": \"SEC/DCU\"}]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].unitCode").value("SEC/DCU"))
                .andExpect(jsonPath("$[1].addressing").value("CC"));
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart(base + "/annexes").file(new MockMultipartFile("file", "inventario.pdf",
                        "application/pdf", pdf)).header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.mediaType").value("application/pdf"));
        mvc.perform(multipart(base + "/annexes").file(new MockMultipartFile("file", "programa.pdf",
                        "application/pdf", "MZ programa".getBytes(StandardCharsets.US_ASCII)))
                        .header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("annex.type"));
        String annexes = mvc.perform(get(base + "/annexes").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Integer annexId = JsonPath.read(annexes, "$[0].id");
        mvc.perform(get(base + "/annexes/" + annexId).header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));

        signedOficios.signDraft(UUID.fromString(id));
        acting.nobody();
        mvc.perform(post(base + "/send").header(HttpHeaders.AUTHORIZATION, drafter)).andExpect(status().isOk());

        String office = token(Acting.RECIPIENT);
        String first = mvc.perform(post(base + "/receipts").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entryNumber", startsWith("SEC/DGE/E-")))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post(base + "/receipts").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entryNumber").value((String) JsonPath.read(first, "$.entryNumber")));
        long unit = ((Number) JsonPath.read(first, "$.unitId")).longValue();
        mvc.perform(get(base + "/receipts/" + unit + "/acknowledgement").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));

        mvc.perform(get("/api/v1/outbox").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].oficioId").value(id))
                .andExpect(jsonPath("$[0].recipients").value(2)).andExpect(jsonPath("$[0].received").value(1));
        mvc.perform(get(base + "/delivery").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].stage", hasItem("RECEIVED")));
        mvc.perform(get(base + "/delivery").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isForbidden());

        String reply = mvc.perform(post(base + "/reply").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String replyId = JsonPath.read(reply, "$.id");
        mvc.perform(get("/api/v1/oficios/" + replyId + "/thread").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[1].inReplyTo").value(id));
        mvc.perform(post(base + "/forward").header(HttpHeaders.AUTHORIZATION, office)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toUnitId\": " + acting.unitId("SAY/DAC") + ", \"note\": \"Para archivo\"}"))
                .andExpect(status().isOk());

        mvc.perform(get(base + "/trail").header(HttpHeaders.AUTHORIZATION, drafter))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].type", hasItem("ACKNOWLEDGED")));
        mvc.perform(get(base + "/trail").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].type", hasItem("FORWARDED")));
        mvc.perform(get("/api/v1/search").param("q", "yaxcaba inventario").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hits[*].oficioId", hasItem(id)));
        mvc.perform(get("/api/v1/search").param("q", "yaxcaba")
                        .header(HttpHeaders.AUTHORIZATION, token(Acting.OTHER_UNIT_DRAFTER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hits").isEmpty());
        mvc.perform(get("/api/v1/search").param("status", "ENVIADO").header(HttpHeaders.AUTHORIZATION, office))
                .andExpect(status().isBadRequest());
    }
}
