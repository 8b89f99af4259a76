package org.rubrica.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.PdfA;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Person;
import org.rubrica.templates.DocumentData;
import org.rubrica.templates.DocumentRenderer;
import org.rubrica.templates.TemplateCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * A PAdES signature is an incremental update of the rendered PDF/A-2b file: the signed file still declares
 * PDF/A-2b and veraPDF still finds it compliant, after one signature at BASELINE-LT (which adds the
 * certificates, the CRL and the timestamp) and after a second one over it. The first draws its visible block
 * (in a subset of the block font, embedded with the signature).
 */
@RubricaTest
class SignedPdfATests {

    @Autowired Acting acting;
    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired SignerCredentials credentials;
    @Autowired PadesSignatures signatures;
    @Autowired DocumentRenderer renderer;
    @Autowired TemplateCatalog templates;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    @Test
    void a_final_oficio_signed_twice_at_baseline_lt_is_still_pdf_a_2b() throws Exception {
        byte[] pdf = renderer.toPdf(templates.publishedVersion("oficio").id(), new DocumentData(
                "Municipio de San Martín", "Contraloría Municipal", "Dirección de Auditoría", "CON/DA", "San Martín",
                LocalDate.of(2026, 12, 2), "CON/DA/0007/2026", "Lic. Patricia Mendoza Guerrero",
                "Directora de Recursos Humanos", "Dirección de Recursos Humanos", "Resultados de la auditoría",
                "<p>Se remiten los resultados de la auditoría practicada.</p>", "C.P. Mónica Rosales Ibarra",
                "Directora de Auditoría", Map.of(), false));
        assertThat(PdfA.check(pdf).failures()).as("before signing").isEmpty();

        Person auditor = acting.person("C.P. Mónica Rosales Ibarra");
        signedOficios.freshCredential(auditor, "648213");
        byte[] once = signatures.sign(pdf, credentials.unlockMine("648213".toCharArray()), "Firma del oficio",
                PadesSignatures.Level.LT, new PadesSignatures.Appearance("firma-1",
                        "Firmado electrónicamente por:\nC.P. Mónica Rosales Ibarra\nDirectora de Auditoría"));

        try (var signed = org.apache.pdfbox.Loader.loadPDF(once)) { // the block was drawn, not left invisible
            assertThat(signed.getSignatureFields().getFirst().getWidgets().getFirst().getRectangle().getWidth())
                    .isPositive();
        }
        PdfA.Verdict signedOnce = PdfA.check(once);
        assertThat(signedOnce.declared()).isEqualTo(PDFAFlavour.PDFA_2_B);
        assertThat(signedOnce.failures()).isEmpty();

        Person head = acting.person("Lic. Francisco Javier Luna Herrera");
        signedOficios.freshCredential(head, "375920");
        byte[] twice = signatures.sign(once, credentials.unlockMine("375920".toCharArray()), "Visto bueno",
                PadesSignatures.Level.LT);

        PdfA.Verdict signedTwice = PdfA.check(twice);
        assertThat(signedTwice.declared()).isEqualTo(PDFAFlavour.PDFA_2_B);
        assertThat(signedTwice.failures()).isEmpty();
        assertThat(signatures.validate(twice).valid()).isTrue();
    }
}
