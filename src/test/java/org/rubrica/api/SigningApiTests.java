package org.rubrica.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.rubrica.signing.PadesSignatures;
import org.rubrica.signing.SignerCredentials;
import org.rubrica.signing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Signing over the API: one oficio with the PIN or an uploaded credential, a batch followed until it ends, the
 * signed PDF; refusals are problem details with their message key, never a 500.
 */
@RubricaTest
class SigningApiTests extends ApiTestSupport {

    static final String PIN_SIGNER = "Lic. Francisco Javier Luna Herrera";
    static final String FILE_SIGNER = "Ing. Roberto Carlos Delgado Paz";

    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired OficioService oficios;
    @Autowired RoutingService routing;
    @Autowired SignerCredentials credentials;
    @Autowired PadesSignatures pades;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private UUID approvedFor(Person signer, String subject) {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Se informa.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(signer.id()), null)));
        routing.submit(id);
        acting.as(signer.username());
        routing.decide(id, Decision.APPROVED, null);
        acting.nobody();
        return id;
    }

    private static String upper(String fullName) {
        return org.rubrica.shared.FoldedText.fold(fullName.substring(fullName.indexOf(' ') + 1)).toUpperCase();
    }

    @Test
    void a_signer_signs_with_the_pin_and_downloads_the_signed_pdf_others_get_404() throws Exception {
        Person signer = acting.person(PIN_SIGNER);
        UUID id = approvedFor(signer, "Firma por API con PIN");
        signedOficios.freshCredential(signer, "731946");
        acting.nobody();
        String auth = token(signer.username());
        String base = "/api/v1/oficios/" + id;

        mvc.perform(get(base + "/signed-pdf").header(HttpHeaders.AUTHORIZATION, auth)).andExpect(status().isNotFound());
        mvc.perform(post(base + "/sign").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pin\":\"000000\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.pin.wrong"));
        mvc.perform(post(base + "/sign").header(HttpHeaders.AUTHORIZATION, token(Acting.DRAFTER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pin\":\"731946\"}"))
                .andExpect(status().isForbidden()); // the author sees it but approved no signing step
        mvc.perform(post(base + "/sign").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.TEXT_PLAIN)
                        .content("731946"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post(base + "/sign").header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pin\":\"731946\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.number").isString());

        byte[] pdf = mvc.perform(get(base + "/signed-pdf").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pades.validate(pdf).valid()).isTrue();
        mvc.perform(get(base + "/signed-pdf").header(HttpHeaders.AUTHORIZATION, token(Acting.OTHER_UNIT_DRAFTER)))
                .andExpect(status().isNotFound()); // may not see it
        mvc.perform(get("/api/v1/oficios/no-es-un-id/signed-pdf").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isNotFound());

        UUID next = approvedFor(signer, "Lote por API con PIN");
        mvc.perform(post("/api/v1/signing-batches").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"oficioIds\":[\"" + next + "\"],\"pin\":\"000000\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.pin.wrong"));
        String started = mvc.perform(post("/api/v1/signing-batches").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"oficioIds\":[\"" + next + "\"],\"pin\":\"731946\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String done = finished("/api/v1/signing-batches/" + JsonPath.read(started, "$.id"), auth);
        assertThat((List<Boolean>) JsonPath.read(done, "$.results[*].signed")).containsExactly(true);
    }

    /** Polls the batch until it ends. */
    private String finished(String location, String auth) throws Exception {
        for (int i = 0; i < 240; i++) {
            String body = mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, auth))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (Boolean.TRUE.equals(JsonPath.read(body, "$.finished"))) {
                return body;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the batch did not end");
    }

    @Test
    void a_signer_signs_with_an_uploaded_efirma_and_bad_uploads_are_400() throws Exception {
        Person signer = acting.person(FILE_SIGNER);
        UUID id = approvedFor(signer, "Firma por API con e.firma");
        TestPki.Issued efirma = TestPki.signer(TestPki.trustedCa(), upper(signer.fullName()), null);
        MockMultipartFile cer = new MockMultipartFile("cer", "firma.cer", "application/pkix-cert", TestPki.der(efirma.certificate()));
        MockMultipartFile key = new MockMultipartFile("key", "firma.key", "application/octet-stream",
                TestPki.efirmaKey(efirma.key(), "Clave.eFirma1"));
        MockMultipartFile p12 = new MockMultipartFile("p12", "firma.p12", "application/x-pkcs12",
                TestPki.p12(efirma, TestPki.trustedCa(), "Clave.eFirma1"));
        String auth = token(signer.username());
        String sign = "/api/v1/oficios/" + id + "/sign";

        mvc.perform(multipart(sign).file(cer).param("password", "Clave.eFirma1").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.own.missing"))
                .andExpect(jsonPath("$.field").value("key"));
        mvc.perform(multipart(sign).file(cer).file(key).file(p12).param("password", "Clave.eFirma1")
                        .header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.own.choose-one"));
        mvc.perform(multipart(sign).file(new MockMultipartFile("p12", "firma.p12", null, "basura".getBytes()))
                        .param("password", "x").header(HttpHeaders.AUTHORIZATION, auth).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.own.corrupt"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not a valid .p12")));
        mvc.perform(multipart(sign).file(new MockMultipartFile("p12", "grande.p12", null, new byte[100 * 1024]))
                        .param("password", "x").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.own.too-large"));
        mvc.perform(multipart(sign).file(cer).file(key).param("password", "otra").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.own.wrong-password"));
        acting.as(signer.username());
        assertThat(oficios.get(id).number()).isNull();
        acting.nobody();

        mvc.perform(multipart(sign).file(cer).file(key).param("password", "Clave.eFirma1").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isOk()).andExpect(jsonPath("$.complete").value(true));
        acting.as(signer.username());
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED);
    }

    @Test
    void a_batch_starts_with_202_is_followed_until_done_and_only_by_its_signer() throws Exception {
        Person signer = acting.person(FILE_SIGNER);
        UUID first = approvedFor(signer, "Lote por API (1)");
        UUID second = approvedFor(signer, "Lote por API (2)");
        UUID notHis = approvedFor(acting.person(PIN_SIGNER), "Lote por API: no le toca");
        TestPki.Issued issued = TestPki.signer(TestPki.trustedCa(), upper(signer.fullName()), null);
        byte[] p12 = TestPki.p12(issued, TestPki.trustedCa(), "lote");
        String auth = token(signer.username());

        mvc.perform(post("/api/v1/signing-batches").header(HttpHeaders.AUTHORIZATION, auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"oficioIds\":[],\"pin\":\"123987\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.batch.empty"));
        mvc.perform(multipart("/api/v1/signing-batches").file(new MockMultipartFile("p12", "f.p12", null, p12))
                        .param("oficioIds", first + "," + second).param("password", "mala").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("signing.own.wrong-password"));

        String started = mvc.perform(multipart("/api/v1/signing-batches").file(new MockMultipartFile("p12", "f.p12", null, p12))
                        .param("oficioIds", first.toString(), second.toString(), notHis.toString())
                        .param("password", "lote").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isAccepted()).andExpect(header().exists(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.total").value(3))
                .andReturn().getResponse().getContentAsString();
        String location = "/api/v1/signing-batches/" + JsonPath.read(started, "$.id");

        String done = finished(location, auth);
        assertThat((Integer) JsonPath.read(done, "$.done")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(done, "$.results[?(@.signed == true)].oficioId"))
                .containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat((List<String>) JsonPath.read(done, "$.results[?(@.signed == false)].reason"))
                .containsExactly("signing.batch.not-yours");

        mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, token(acting.person(PIN_SIGNER).username())))
                .andExpect(status().isNotFound()); // someone else's batch
        mvc.perform(get("/api/v1/signing-batches/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isNotFound());
    }
}
