package org.rubrica.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A signer brings their own credential: a .p12 or an e.firma pair from a CA the installation trusts signs at
 * BASELINE-T and DSS passes it naming them; the platform's own certificate in a .p12 signs at LT for its holder
 * only; every bad credential is refused with its own reason before anything is numbered.
 */
@RubricaTest
class OwnCredentialTests {

    static final String EFIRMA_SIGNER = "Mtra. Guadalupe Herrera Nava";
    static final String P12_SIGNER = "Lic. Patricia Mendoza Guerrero";
    static final String PLATFORM_SIGNER = "C.P. Arturo Maldonado Reyes";

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired RoutingService routing;
    @Autowired OficioSigning signing;
    @Autowired SignerCredentials credentials;
    @Autowired PadesSignatures pades;
    @Autowired Trail trail;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    /** A draft by the demo drafter, routed to these signers in order, approved by each: ready to sign. */
    UUID approvedFor(String subject, Person... signers) {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Se remite la información.</p>", Map.of()));
        List<StepPlan> steps = new ArrayList<>();
        for (Person signer : signers) {
            steps.add(new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(signer.id()), null));
        }
        routing.setRoute(id, steps);
        routing.submit(id);
        for (Person signer : signers) {
            acting.as(signer.username());
            routing.decide(id, Decision.APPROVED, null);
        }
        return id;
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    private static String upper(String fullName) {
        return org.rubrica.shared.FoldedText.fold(fullName.substring(fullName.indexOf(' ') + 1)).toUpperCase();
    }

    @Test
    void an_efirma_pair_from_a_trusted_ca_signs_at_baseline_t_and_dss_passes_it_naming_the_signer() {
        Person signer = acting.person(EFIRMA_SIGNER);
        UUID id = approvedFor("Firma con e.firma", signer);
        TestPki.Issued efirma = TestPki.signer(TestPki.trustedCa(), upper(signer.fullName()), null);
        acting.as(signer.username());

        OficioSigning.Signed signed = signing.sign(id, new OwnCredential.CertificateAndKey(TestPki.der(efirma.certificate()),
                TestPki.efirmaKey(efirma.key(), "Clave.eFirma1"), "Clave.eFirma1".toCharArray()));

        assertThat(signed.complete()).isTrue();
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED);
        SignatureVerdict verdict = pades.validate(signing.signedPdf(id).orElseThrow());
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(verdict.signatures()).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo("PAdES_BASELINE_T");
            assertThat(s.signedBy()).isEqualTo("GUADALUPE HERRERA NAVA");
        });
        assertThat(jdbc.queryForObject("SELECT certificate_subject FROM signing_signature WHERE oficio_id = ?",
                String.class, id)).contains("CN=GUADALUPE HERRERA NAVA");
        assertThat(trail.of(id)).filteredOn(e -> e.type().equals("SIGNED_WITH_CERTIFICATE")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("CN=GUADALUPE HERRERA NAVA",
                        efirma.certificate().getSerialNumber().toString(16).toUpperCase(), "CONFIABLE"));
        assertThat(trail.of(id)).extracting(TrailEntry::type).contains("NUMBERED", "SIGNED");
    }

    @Test
    void a_p12_signs_a_batch_and_a_pin_signature_at_lt_can_follow_one_from_another_ca() {
        Person external = acting.person(P12_SIGNER);
        Person platform = acting.person(PLATFORM_SIGNER);
        UUID alone = approvedFor("Lote con .p12 (1)", external);
        UUID shared = approvedFor("Lote con .p12 (2), y después con PIN", external, platform);
        acting.as(platform.username());
        if (credentials.mine().isEmpty()) {
            credentials.issueMine("640271".toCharArray());
        }
        TestPki.Issued issued = TestPki.signer(TestPki.trustedCa(), upper(external.fullName()), null);
        byte[] p12 = TestPki.p12(issued, TestPki.trustedCa(), "secreto-p12");

        acting.as(external.username());
        List<OficioSigning.BatchResult> heard = new ArrayList<>();
        List<OficioSigning.BatchResult> results = signing.signAll(List.of(alone, shared),
                new OwnCredential.Pkcs12(p12, "secreto-p12".toCharArray()), heard::add);
        assertThat(results).allSatisfy(r -> assertThat(r.signed()).as(r.toString()).isTrue());
        assertThat(heard).hasSize(2);
        assertThat(oficios.get(alone).status()).isEqualTo(OficioStatus.SIGNED);
        assertThat(oficios.get(shared).status()).isEqualTo(OficioStatus.APPROVED); // waits for the second

        acting.as(platform.username());
        assertThat(signing.sign(shared, "640271".toCharArray()).complete()).isTrue();
        SignatureVerdict verdict = pades.validate(signing.signedPdf(shared).orElseThrow());
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(verdict.signatures()).extracting(SignatureVerdict.SignatureResult::level)
                .containsExactlyInAnyOrder("PAdES_BASELINE_T", "PAdES_BASELINE_LT");
    }

    @Test
    void the_platform_certificate_in_a_p12_signs_at_lt_for_its_holder_only_and_not_once_revoked() {
        Person holder = acting.person(PLATFORM_SIGNER);
        Person other = acting.person(EFIRMA_SIGNER);
        UUID id = approvedFor("Firma con el certificado de la plataforma en .p12", holder);
        UUID othersOficio = approvedFor("No es su certificado", other);
        acting.as(holder.username());
        if (credentials.mine().isEmpty()) {
            credentials.issueMine("640271".toCharArray());
        }
        SignerCredentials.UnlockedKey key = credentials.unlockMine("640271".toCharArray());
        byte[] p12 = TestPki.p12(key.key(), key.certificate(), key.caCertificate(), "exportado");

        acting.as(other.username());
        assertThat(refusal(() -> signing.sign(othersOficio, new OwnCredential.Pkcs12(p12, "exportado".toCharArray()))))
                .isEqualTo("signing.own.not-yours");

        acting.as(holder.username());
        signing.sign(id, new OwnCredential.Pkcs12(p12, "exportado".toCharArray()));
        SignatureVerdict verdict = pades.validate(signing.signedPdf(id).orElseThrow());
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(verdict.signatures()).singleElement()
                .satisfies(s -> assertThat(s.level()).isEqualTo("PAdES_BASELINE_LT"));
        assertThat(trail.of(id)).extracting(TrailEntry::type).doesNotContain("SIGNED_WITH_CERTIFICATE");

        UUID later = approvedFor("Después de revocar", holder);
        acting.as(holder.username());
        credentials.revoke(holder.id());
        try {
            assertThat(refusal(() -> signing.sign(later, new OwnCredential.Pkcs12(p12, "exportado".toCharArray()))))
                    .isEqualTo("signing.own.revoked");
            assertThat(oficios.get(later).number()).isNull();
        } finally {
            credentials.issueMine("640271".toCharArray()); // as the other tests expect to find him
        }
    }

    @Test
    void each_bad_credential_is_refused_with_its_reason_and_nothing_is_numbered_or_signed() {
        Person signer = acting.person(EFIRMA_SIGNER);
        UUID id = approvedFor("Credenciales defectuosas", signer);
        TestPki.Ca ca = TestPki.trustedCa();
        String name = upper(signer.fullName());
        TestPki.Issued good = TestPki.signer(ca, name, null);
        TestPki.Issued another = TestPki.signer(ca, name, null);
        Instant now = Instant.now();
        int forSigning = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        TestPki.Issued expired = TestPki.issue(ca, name, null, forSigning, now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(1)), false);
        TestPki.Issued early = TestPki.issue(ca, name, null, forSigning, now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(400)), false);
        TestPki.Issued encryptionOnly = TestPki.issue(ca, name, null, KeyUsage.keyEncipherment,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), false);
        TestPki.Issued aCa = TestPki.issue(ca, name, null, forSigning | KeyUsage.keyCertSign,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), true);
        TestPki.Issued untrusted = TestPki.signer(TestPki.untrustedCa(), name, null);
        TestPki.Issued someoneElse = TestPki.signer(ca, "JUAN PEREZ LOPEZ", "juan@example.org");
        byte[] goodP12 = TestPki.p12(good, ca, "bien");
        byte[] corrupt = goodP12.clone();
        for (int i = 40; i < 400; i++) {
            corrupt[i] ^= 0x5A;
        }

        Map<String, OwnCredential> cases = new LinkedHashMap<>();
        cases.put("signing.own.corrupt", p12(corrupt, "bien"));
        cases.put("signing.own.corrupt ", p12("%PDF-1.7 esto no es un .p12".getBytes(), "bien"));
        cases.put("signing.own.wrong-password", p12(goodP12, "mal"));
        cases.put("signing.own.wrong-password ", pair(TestPki.der(good.certificate()), TestPki.efirmaKey(good.key(), "bien"), "mal"));
        cases.put("signing.own.mismatch", pair(TestPki.der(good.certificate()), TestPki.efirmaKey(another.key(), "bien"), "bien"));
        cases.put("signing.own.mismatch ", p12(TestPki.p12(another.key(), good.certificate(), ca.certificate(), "bien"), "bien"));
        cases.put("signing.own.bad-certificate", pair("no es un certificado".getBytes(), TestPki.efirmaKey(good.key(), "bien"), "bien"));
        cases.put("signing.own.bad-key", pair(TestPki.der(good.certificate()), "no es una llave".getBytes(), "bien"));
        cases.put("signing.own.bad-key ", pair(TestPki.der(good.certificate()), good.key().getEncoded(), "bien")); // not encrypted
        cases.put("signing.own.expired", p12(TestPki.p12(expired, ca, "bien"), "bien"));
        cases.put("signing.own.not-yet-valid", p12(TestPki.p12(early, ca, "bien"), "bien"));
        cases.put("signing.own.not-for-signing", p12(TestPki.p12(encryptionOnly, ca, "bien"), "bien"));
        cases.put("signing.own.not-for-signing ", p12(TestPki.p12(aCa, ca, "bien"), "bien"));
        cases.put("signing.own.untrusted", p12(TestPki.p12(untrusted, TestPki.untrustedCa(), "bien"), "bien"));
        cases.put("signing.own.not-yours", p12(TestPki.p12(someoneElse, ca, "bien"), "bien"));
        cases.put("signing.own.too-large", p12(new byte[OwnCredential.MAX_FILE_BYTES + 1], "bien"));
        cases.put("signing.own.missing", pair(TestPki.der(good.certificate()), null, "bien"));

        acting.as(signer.username());
        Map<String, String> refused = new LinkedHashMap<>();
        cases.forEach((expected, credential) -> refused.put(expected, refusal(() -> signing.sign(id, credential))));
        assertThat(refused).allSatisfy((expected, actual) -> assertThat(actual).isEqualTo(expected.strip()));
        assertThat(refusal(() -> signing.signAll(List.of(id), p12(goodP12, "mal"), r -> { })))
                .isEqualTo("signing.own.wrong-password");

        assertThat(oficios.get(id).number()).as("nothing numbered").isNull();
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED);
        assertThat(signing.signedPdf(id)).as("nothing signed").isEmpty();

        signing.sign(id, p12(goodP12, "bien")); // the right one still signs
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED);
    }

    @Test
    void a_certificate_from_another_ca_belongs_to_whoever_it_names_titles_accents_and_case_aside() {
        Person guadalupe = new Person(1, "gherrera", "Mtra. Guadalupe Herrera Nava", "Directora", "gherrera@example.org",
                1, true, false);
        Person diana = new Person(2, "dmontes", "Ing. Diana Montes de Oca Ruiz", "Administradora", null, 1, true, false);
        var ca = TestPki.trustedCa();
        assertThat(OwnCredentials.belongsTo(TestPki.signer(ca, "GUADALUPE HERRERA NAVA", null).certificate(), guadalupe)).isTrue();
        assertThat(OwnCredentials.belongsTo(TestPki.signer(ca, "MARIA GUADALUPE HERRERA NAVA", null).certificate(), guadalupe)).isTrue();
        assertThat(OwnCredentials.belongsTo(TestPki.signer(ca, "Diana Montes de Oca Ruíz", null).certificate(), diana)).isTrue();
        assertThat(OwnCredentials.belongsTo(TestPki.signer(ca, "GUADALUPE HERRERA", null).certificate(), guadalupe)).isFalse();
        assertThat(OwnCredentials.belongsTo(TestPki.signer(ca, "OTRA PERSONA", "GHERRERA@example.org").certificate(), guadalupe))
                .as("by e-mail").isTrue();
        assertThat(OwnCredentials.belongsTo(TestPki.signer(ca, "OTRA PERSONA", "otra@example.org").certificate(), guadalupe)).isFalse();
    }

    private static OwnCredential p12(byte[] file, String password) {
        return new OwnCredential.Pkcs12(file, password.toCharArray());
    }

    private static OwnCredential pair(byte[] cer, byte[] key, String password) {
        return new OwnCredential.CertificateAndKey(cer, key, password.toCharArray());
    }
}
