package org.rubrica.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Person;
import org.rubrica.drafting.IllegalTransitionException;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.TooManyRequestsException;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.SignedRecords;
import org.rubrica.signing.SignerCredentials;
import org.rubrica.templates.SignatureAreas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * An oficio signed in turn by the director and the secretary: each signature's visible block sits in its own room
 * of the signature area, the verification code and its QR are printed, and anyone can verify it without login, by
 * code or by uploading the PDF; a changed copy, a non-PDF and an unsigned PDF are each told apart; too many tries
 * from one address are refused; an annulment, with its reason, shows on the verification page and in the trail.
 */
@RubricaTest
class VerificationTests {

    private static final String DIRECTOR_PIN = "640273";
    private static final String SECRETARY_PIN = "518926";

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired OficioSigning signing;
    @Autowired SignerCredentials credentials;
    @Autowired SignedRecords records;
    @Autowired Verification verification;
    @Autowired Trail trail;
    @Autowired org.rubrica.SignedOficios signedOficios;

    @AfterEach
    void tidy() {
        for (String name : List.of("Arq. Beatriz Elena Campos Rangel", "Ing. Sergio Ramírez Treviño")) {
            acting.as(acting.person(name).username());
            credentials.revoke(acting.person(name).id()); // other tests issue their own
        }
        acting.nobody();
    }

    @Test
    void two_signatures_each_in_its_room_then_verified_by_code_and_by_upload_and_annulled() throws Exception {
        Person director = acting.person("Arq. Beatriz Elena Campos Rangel");
        Person secretary = acting.person("Ing. Sergio Ramírez Treviño");
        UUID id = signedOficios.approved(Acting.DRAFTER, "Oficio con dos firmas", director, secretary);

        // the second in the route signs first: the rooms follow the route
        var first = signedOficios.sign(id, secretary, SECRETARY_PIN);
        assertThat(first.complete()).isFalse();
        String code = records.verificationCode(id).orElseThrow();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(verification.byCode(code, "10.0.0.1")).get().satisfies(r -> {
            assertThat(r.complete()).as("one signature of two").isFalse();
            assertThat(r.status()).isEqualTo(OficioStatus.APPROVED);
        });
        byte[] halfway = signing.signedPdf(id).orElseThrow();

        var second = signedOficios.sign(id, director, DIRECTOR_PIN);
        assertThat(records.latestValidationReport(id)).get().asString()
                .contains("TOTAL_PASSED", director.fullName(), secretary.fullName()); // kept with the signature
        assertThat(second.complete()).isTrue();
        byte[] pdf = signing.signedPdf(id).orElseThrow();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "oficio-firmado.pdf"), pdf);
        var pdfA = org.rubrica.PdfA.check(pdf);
        assertThat(pdfA.failures()).as("PDF/A-2b with both visible signature blocks").isEmpty();
        assertThat(pdfA.declared().toString()).isEqualToIgnoringCase("2b");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(second.number(), code, director.fullName(), secretary.fullName(),
                    "Directora de Obras Públicas", "Secretario de Obras Públicas");
            var fields = document.getDocumentCatalog().getAcroForm().getFields().stream()
                    .filter(PDSignatureField.class::isInstance).map(PDSignatureField.class::cast).toList();
            assertThat(fields).hasSize(2);
            var roomOfDirector = SignatureAreas.find(pdf, "firma-1").orElseThrow();
            var roomOfSecretary = SignatureAreas.find(pdf, "firma-2").orElseThrow();
            float pageHeight = document.getPage(0).getMediaBox().getHeight();
            PDRectangle secretaryBlock = fields.get(0).getWidgets().getFirst().getRectangle(); // signed first
            PDRectangle directorBlock = fields.get(1).getWidgets().getFirst().getRectangle();
            assertThat(secretaryBlock.getLowerLeftX()).isCloseTo(roomOfSecretary.left(), org.assertj.core.data.Offset.offset(1f));
            assertThat(directorBlock.getLowerLeftX()).isCloseTo(roomOfDirector.left(), org.assertj.core.data.Offset.offset(1f));
            assertThat(pageHeight - directorBlock.getUpperRightY()).isCloseTo(roomOfDirector.top(), org.assertj.core.data.Offset.offset(1f));

            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            for (var room : List.of(roomOfDirector, roomOfSecretary)) { // blank before signing: now its block shows
                assertThat(inkIn(page, room)).as("ink in " + room).isGreaterThan(200);
            }
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();
            assertThat(qr).isEqualTo(records.verificationUrl(code)).endsWith("/verificar/" + code);
        }

        acting.nobody(); // the public asks, without login
        Verification.Registered registered = verification.byCode(code.toLowerCase().replace("-", " "), "10.0.0.1")
                .orElseThrow();
        assertThat(registered.number()).isEqualTo(second.number());
        assertThat(registered.complete()).isTrue();
        assertThat(registered.sha256()).isEqualTo(second.sha256());
        assertThat(registered.senderUnitName()).isEqualTo("Dirección de Obras Públicas");
        assertThat(registered.signers()).extracting(Verification.Signer::name)
                .containsExactly(secretary.fullName(), director.fullName());
        assertThat(verification.byCode("ZZZZ-ZZZZ-ZZZZ", "10.0.0.1")).isEmpty();

        Verification.UploadCheck genuine = verification.check(pdf, "10.0.0.2");
        assertThat(genuine.verdict()).isEqualTo(Verification.Verdict.VALID);
        assertThat(genuine.findings()).hasSize(2).allSatisfy(f -> assertThat(f.reasonKey()).isNull());
        assertThat(genuine.exactCopy()).isTrue();
        assertThat(genuine.latest()).isTrue();
        assertThat(genuine.registered()).get().extracting(Verification.Registered::number).isEqualTo(second.number());

        Verification.UploadCheck earlier = verification.check(halfway, "10.0.0.2");
        assertThat(earlier.exactCopy()).isTrue();
        assertThat(earlier.latest()).as("a copy from before the last signature").isFalse();

        byte[] tampered = pdf.clone();
        int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("/RubricaSignatureAreas");
        tampered[at + 3] ^= 0x01;
        Verification.UploadCheck changed = verification.check(tampered, "10.0.0.2");
        assertThat(changed.verdict()).isEqualTo(Verification.Verdict.INVALID);
        assertThat(changed.exactCopy()).isFalse();
        assertThat(changed.findings()).extracting(Verification.Finding::reasonKey).contains("verification.reason.modified");

        for (String notAPdf : List.of("Esto no es un PDF", "%PDF-1.7\n1 0 obj << /Type /Catalog >> roto")) {
            assertThatThrownBy(() -> verification.check(notAPdf.getBytes(StandardCharsets.UTF_8), "10.0.0.4"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("verification.upload.not-pdf"));
        }
        acting.as(Acting.DRAFTER);
        byte[] unsignedPdf = oficios.pdf(id);
        acting.nobody();
        assertThat(verification.check(unsignedPdf, "10.0.0.2").verdict()).isEqualTo(Verification.Verdict.UNSIGNED);

        acting.as(Acting.DRAFTER); // drafters do not annul
        assertThatThrownBy(() -> oficios.annul(id, "Se emitió con datos equivocados.")).isInstanceOf(AccessDeniedException.class);
        acting.as(director.username());
        assertThat(oficios.get(id).can().canAnnul()).isTrue();
        assertThatThrownBy(() -> oficios.annul(id, "  error "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("annulment.reason.required"));
        oficios.annul(id, "Se emitió con el destinatario equivocado; lo sustituye otro oficio.");
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.ANNULLED);
        assertThat(oficios.get(id).annulment().reason()).startsWith("Se emitió con el destinatario equivocado");
        assertThat(oficios.get(id).can().canAnnul()).isFalse();
        assertThatThrownBy(() -> oficios.annul(id, "Otra vez, por si acaso.")).isInstanceOf(IllegalTransitionException.class);
        assertThat(trail.of(id)).filteredOn(e -> e.type().equals("ANNULLED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("destinatario equivocado"));
        acting.nobody();
        assertThat(verification.byCode(code, "10.0.0.3")).get().satisfies(r -> {
            assertThat(r.annulled()).isTrue();
            assertThat(r.annulmentReason()).contains("destinatario equivocado");
        });
    }

    @Test
    void one_address_gets_a_limited_number_of_lookups_a_minute_others_are_not_held_up() {
        for (int i = 0; i < 30; i++) {
            verification.byCode("AAAA-AAAA-AAAA", "192.0.2.7");
        }
        assertThatThrownBy(() -> verification.byCode("AAAA-AAAA-AAAA", "192.0.2.7"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("verification.too-many");
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                });
        assertThat(verification.byCode("AAAA-AAAA-AAAA", "192.0.2.8")).isEmpty();
    }

    /** Dark pixels inside an area of a page rendered at 150 dpi. */
    private static int inkIn(BufferedImage page, SignatureAreas.Area area) {
        float scale = 150f / 72f;
        int ink = 0;
        for (int y = (int) (area.top() * scale); y < (int) ((area.top() + area.height()) * scale); y++) {
            for (int x = (int) (area.left() * scale); x < (int) ((area.left() + area.width()) * scale); x++) {
                ink += (page.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
            }
        }
        return ink;
    }
}
