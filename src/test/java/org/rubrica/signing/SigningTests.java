package org.rubrica.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform CA issues a signer's certificate with the key sealed under their PIN; a rendered oficio signed at
 * PAdES BASELINE-B passes EU DSS validation with the CA trusted and its CRL as revocation data; one changed byte,
 * or a revoked certificate, does not pass.
 */
@RubricaTest
class SigningTests {

    @Autowired Acting acting;
    @Autowired SignerCredentials credentials;
    @Autowired PadesSignatures signatures;
    @Autowired OficioService oficios;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.web.context.WebApplicationContext context;

    @AfterEach
    void logout() {
        acting.nobody();
    }


    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    private byte[] renderedOficio() {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Oficio para firmar",
                "<p>Se solicita la información.</p>", Map.of()));
        return oficios.pdf(id);
    }

    @Test
    void a_director_signs_with_her_pin_and_dss_passes_it_until_a_byte_changes_or_the_certificate_is_revoked() {
        byte[] pdf = renderedOficio();
        Person director = acting.person("Arq. Beatriz Elena Campos Rangel");
        acting.as(director.username());
        assertThat(credentials.mine()).isEmpty();
        assertThat(refusal(() -> credentials.issueMine("12".toCharArray()))).isEqualTo("signing.pin.length");
        assertThat(refusal(() -> credentials.issueMine("123456".toCharArray()))).isEqualTo("signing.pin.simple");
        var info = credentials.issueMine("482915".toCharArray());
        assertThat(info.subject()).contains("CN=" + director.fullName());
        assertThat(refusal(() -> credentials.issueMine("739164".toCharArray()))).isEqualTo("signing.credential.exists");

        // the stored key is not a key without the PIN
        byte[] stored = jdbc.queryForObject("SELECT sealed_key FROM signing_credential WHERE person_id = ? AND revoked_at IS NULL",
                byte[].class, director.id());
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(stored)))
                .isInstanceOf(java.security.spec.InvalidKeySpecException.class);
        assertThat(refusal(() -> credentials.unlockMine("000111".toCharArray()))).isEqualTo("signing.pin.wrong");

        byte[] signed = signatures.sign(pdf, credentials.unlockMine("482915".toCharArray()), "Firma del oficio", PadesSignatures.Level.B);
        SignatureVerdict verdict = signatures.validate(signed);
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(verdict.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signedBy()).contains(director.fullName());
            assertThat(s.level()).isEqualTo("PAdES_BASELINE_B");
        });

        byte[] tampered = signed.clone();
        int inContent = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
        tampered[inContent > 0 ? inContent + 1 : 200] ^= 0x01;
        assertThat(signatures.validate(tampered).valid()).isFalse();
        assertThat(refusal(() -> signatures.validate("no es un PDF".getBytes()))).isEqualTo("signing.not-a-pdf");

        credentials.revoke(director.id());
        assertThat(credentials.mine()).isEmpty();
        assertThat(signatures.validate(signed).valid()).as("revoked, and no timestamp proves it was signed before").isFalse();
        credentials.issueMine("482915".toCharArray()); // a new one can be issued
        assertThat(credentials.mine()).isPresent();
    }

    @Test
    void five_wrong_pins_lock_the_key_and_the_pin_can_be_changed_only_with_the_old_one() {
        Person secretary = acting.person("Ing. Sergio Ramírez Treviño");
        acting.as(secretary.username());
        credentials.issueMine("735190".toCharArray());
        assertThat(refusal(() -> credentials.changePin("111999".toCharArray(), "846201".toCharArray())))
                .isEqualTo("signing.pin.wrong");
        credentials.changePin("735190".toCharArray(), "846201".toCharArray());
        assertThat(refusal(() -> credentials.unlockMine("735190".toCharArray()))).isEqualTo("signing.pin.wrong");
        assertThat(credentials.unlockMine("846201".toCharArray()).certificate()).isNotNull();

        for (int i = 1; i < SignerCredentials.MAX_FAILURES; i++) {
            assertThat(refusal(() -> credentials.unlockMine("999000".toCharArray()))).isEqualTo("signing.pin.wrong");
        }
        assertThat(refusal(() -> credentials.unlockMine("999000".toCharArray()))).isEqualTo("signing.pin.locked");
        assertThat(refusal(() -> credentials.unlockMine("846201".toCharArray()))).isEqualTo("signing.pin.locked");
        assertThat(credentials.mine()).hasValueSatisfying(c -> assertThat(c.locked()).isTrue());
    }

    @Test
    void anyone_fetches_the_ca_certificate_and_a_crl_signed_by_it_that_lists_a_revoked_certificate() throws Exception {
        Person head = acting.person("Lic. Claudia Patricia Vega Arriaga");
        acting.as(head.username());
        credentials.issueMine("615283".toCharArray());
        var certificate = credentials.unlockMine("615283".toCharArray()).certificate();
        credentials.revoke(head.id());
        acting.nobody();

        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        byte[] caDer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/pki/ca.cer"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        byte[] crlDer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/pki/crl"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        var factory = java.security.cert.CertificateFactory.getInstance("X.509");
        var ca = (java.security.cert.X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(caDer));
        var crl = (java.security.cert.X509CRL) factory.generateCRL(new java.io.ByteArrayInputStream(crlDer));
        crl.verify(ca.getPublicKey());
        certificate.verify(ca.getPublicKey());
        assertThat(crl.isRevoked(certificate)).isTrue();
        assertThat(crl.getNextUpdate()).isAfter(new java.util.Date());
    }

    @Test
    void two_signers_in_sequence_at_baseline_t_and_lt_both_pass_with_the_built_in_timestamp_authority() {
        byte[] pdf = renderedOficio();
        Person secretary = acting.person("Mtra. Teresa Aguirre Báez");
        Person head = acting.person("Prof. Alfonso Cervantes Duarte");
        acting.as(head.username());
        credentials.issueMine("520817".toCharArray());
        byte[] once = signatures.sign(pdf, credentials.unlockMine("520817".toCharArray()), "Firma", PadesSignatures.Level.T);
        assertThat(signatures.validate(once).signatures()).singleElement()
                .satisfies(s -> assertThat(s.level()).isEqualTo("PAdES_BASELINE_T"))
                .satisfies(s -> assertThat(s.passed()).as(s.toString()).isTrue());

        acting.as(secretary.username()); // the second signature covers the first
        credentials.issueMine("903264".toCharArray());
        byte[] twice = signatures.sign(once, credentials.unlockMine("903264".toCharArray()), "Visto bueno y firma",
                PadesSignatures.Level.LT);
        SignatureVerdict verdict = signatures.validate(twice);
        assertThat(verdict.signatures()).hasSize(2);
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(verdict.signatures()).extracting(SignatureVerdict.SignatureResult::signedBy)
                .anySatisfy(n -> assertThat(n).contains(head.fullName()))
                .anySatisfy(n -> assertThat(n).contains(secretary.fullName()));
        assertThat(verdict.signatures()).extracting(SignatureVerdict.SignatureResult::level).contains("PAdES_BASELINE_LT");
    }

    @Test
    void ten_parallel_guesses_get_no_more_tries_than_the_lock_out_allows() throws Exception {
        Person signer = acting.person("C.P. Alejandra Núñez Becerra");
        acting.as(signer.username());
        credentials.issueMine("805263".toCharArray());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        var start = new java.util.concurrent.CountDownLatch(1);
        var outcomes = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        try {
            for (int i = 0; i < 10; i++) {
                String guess = "%06d".formatted(100000 + i);
                pool.submit(() -> {
                    org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
                    start.await();
                    outcomes.add(refusal(() -> credentials.unlockMine(guess.toCharArray())));
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).hasSize(10);
        assertThat(outcomes.stream().filter("signing.pin.wrong"::equals)).hasSize(SignerCredentials.MAX_FAILURES - 1);
        assertThat(outcomes.stream().filter("signing.pin.locked"::equals)).hasSize(10 - SignerCredentials.MAX_FAILURES + 1);
        assertThat(refusal(() -> credentials.unlockMine("805263".toCharArray()))).isEqualTo("signing.pin.locked");
    }
}
