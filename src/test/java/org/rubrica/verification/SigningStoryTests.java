package org.rubrica.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.directory.Person;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.SignedRecords;
import org.rubrica.signing.SignerCredentials;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6's story: a director signs a batch of oficios with her PIN; each PDF opens in a PDF reader (Poppler's
 * pdfsig, what Evince and Okular show in their signature panel) with a valid signature naming her; the public
 * verification confirms each by code and by upload; a tampered copy is reported by both.
 */
@RubricaTest
class SigningStoryTests {

    private static final String PIN = "902741";

    @Autowired Acting acting;
    @Autowired SignedOficios signedOficios;
    @Autowired OficioSigning signing;
    @Autowired SignerCredentials credentials;
    @Autowired SignedRecords records;
    @Autowired Verification verification;

    @AfterEach
    void nobody() {
        acting.nobody();
    }

    @Test
    void a_director_signs_a_batch_each_pdf_shows_her_in_a_reader_and_verifies_and_a_tampered_copy_does_not()
            throws Exception {
        Person director = acting.person("Lic. Martín Orozco Villanueva"); // Director de Egresos, TES/DE
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(signedOficios.approved(Acting.OTHER_UNIT_DRAFTER, "Pago a proveedores, lote " + i, director));
        }
        acting.as(director.username());
        credentials.revoke(director.id());
        credentials.issueMine(PIN.toCharArray());
        List<OficioSigning.BatchResult> heard = new ArrayList<>();

        List<OficioSigning.BatchResult> results = signing.signAll(ids, PIN.toCharArray(), heard::add);

        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.signed()).as(r.reasonKey()).isTrue());
        assertThat(heard).containsExactlyElementsOf(results);
        Path dir = Files.createDirectories(Path.of("target", "signed-batch"));
        for (OficioSigning.BatchResult result : results) {
            acting.as(director.username());
            byte[] pdf = signing.signedPdf(result.oficioId()).orElseThrow();
            String code = records.verificationCode(result.oficioId()).orElseThrow();
            Path file = dir.resolve(result.number().replace('/', '-') + ".pdf");
            Files.write(file, pdf);

            assertThat(pdfsig(file)).contains("Signer Certificate Common Name: " + director.fullName(),
                    "Signature Validation: Signature is Valid.").doesNotContain("Signature #2");

            acting.nobody();
            assertThat(verification.byCode(code, "203.0.113.5")).get().satisfies(r -> {
                assertThat(r.number()).isEqualTo(result.number());
                assertThat(r.complete()).isTrue();
                assertThat(r.signers()).extracting(Verification.Signer::name).containsExactly(director.fullName());
            });
            var upload = verification.check(pdf, "203.0.113.6");
            assertThat(upload.verdict()).isEqualTo(Verification.Verdict.VALID);
            assertThat(upload.exactCopy()).isTrue();

            byte[] tampered = pdf.clone();
            int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("/RubricaSignatureAreas");
            tampered[at + 5] ^= 0x01;
            Path changed = dir.resolve(result.number().replace('/', '-') + "-alterado.pdf");
            Files.write(changed, tampered);
            assertThat(pdfsig(changed)).doesNotContain("Signature is Valid.");
            var check = verification.check(tampered, "203.0.113.6");
            assertThat(check.verdict()).isEqualTo(Verification.Verdict.INVALID);
            assertThat(check.exactCopy()).isFalse();
        }
    }

    /** What Poppler's pdfsig, a PDF reader's signature check, says about a file. */
    private static String pdfsig(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
