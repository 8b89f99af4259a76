package org.rubrica.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.signing.OficioSigning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Verification over the API needs no token: by code, and by posting the PDF; unknown codes are 404, a non-PDF 400,
 * too many tries from one address 429 with Retry-After. DSS's report kept with a signature is there for whoever may
 * see the oficio. Annulment needs a signer of the sender unit.
 */
@RubricaTest
class VerificationApiTests extends ApiTestSupport {

    @Autowired SignedOficios signedOficios;
    @Autowired OficioSigning signing;

    @Test
    void anyone_verifies_by_code_and_by_pdf_and_a_signer_annuls() throws Exception {
        var signer = acting.person("Mtro. Eduardo Flores Lara"); // SDS/DPS
        var drafter = acting.person("Ana Sofía Morales Ponce");
        SignedOficios.Signed signed = signedOficios.signedBy(drafter.username(), signer, "Padrón de beneficiarios");
        acting.as(signer.username());
        byte[] pdf = signing.signedPdf(signed.id()).orElseThrow();
        acting.nobody();

        mvc.perform(get("/api/v1/verification/{code}", signed.code()).with(r -> { r.setRemoteAddr("198.51.100.1"); return r; }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(signed.number()))
                .andExpect(jsonPath("$.signers[0].name").value(signer.fullName()))
                .andExpect(jsonPath("$.complete").value(true));
        mvc.perform(get("/api/v1/verification/ZZZZ-ZZZZ-ZZZZ")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF).content(pdf))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("VALID"))
                .andExpect(jsonPath("$.exactCopy").value(true))
                .andExpect(jsonPath("$.registered.number").value(signed.number()));
        byte[] large = new byte[2 * 1024 * 1024]; // over the API's 1 MiB for JSON, within the 20 MB for a PDF
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, large, 0, 9);
        mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF).content(large))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("verification.upload.not-pdf"));
        mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF).content("hola".getBytes()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));

        String signerToken = token(signer.username());
        mvc.perform(get("/api/v1/oficios/{id}/signatures/1/report", signed.id()).header("Authorization", signerToken))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("TOTAL_PASSED")));
        mvc.perform(get("/api/v1/oficios/{id}/signatures/2/report", signed.id()).header("Authorization", signerToken))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/oficios/{id}/signatures/1/report", signed.id())
                        .header("Authorization", token(Acting.OTHER_UNIT_DRAFTER)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/oficios/{id}/annulment", signed.id()).header("Authorization", token(drafter.username()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Datos del padrón equivocados.\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/oficios/{id}/annulment", signed.id()).header("Authorization", token(signer.username()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Datos del padrón equivocados.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANNULLED"))
                .andExpect(jsonPath("$.annulment.reason").value("Datos del padrón equivocados."));

        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/v1/verification/AAAA-AAAA-AAAA").with(r -> { r.setRemoteAddr("198.51.100.9"); return r; }));
        }
        mvc.perform(get("/api/v1/verification/AAAA-AAAA-AAAA").with(r -> { r.setRemoteAddr("198.51.100.9"); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }
}
