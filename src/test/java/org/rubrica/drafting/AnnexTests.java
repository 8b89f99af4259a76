package org.rubrica.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.search.SearchHit;
import org.rubrica.search.SearchQuery;
import org.rubrica.search.SearchService;
import org.rubrica.shared.ContentHash;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Annexes: accepted by what their content is, refused with a reason (and not stored) when the type, the name,
 * the size or the virus scanner says no; listed with their SHA-256 in the signed PDF, which binds them; frozen once
 * the oficio leaves the draft; found by search; hidden from whoever may not see the oficio.
 */
@RubricaTest
class AnnexTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired AnnexService annexes;
    @Autowired SignedOficios signedOficios;
    @Autowired SearchService search;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private UUID draft(String subject) {
        acting.as(Acting.DRAFTER);
        return oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Se anexa la documentación.</p>", Map.of()));
    }

    @Test
    void annexes_are_typed_by_content_listed_in_the_signed_pdf_and_frozen_after() throws Exception {
        UUID id = draft("Entrega de expedientes de obra");
        byte[] docx = zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"));
        assertThat(annexes.add(id, "presupuesto-obra.pdf", PDF).mediaType()).isEqualTo("application/pdf");
        assertThat(annexes.add(id, "plano.png", PNG).mediaType()).isEqualTo("image/png");
        assertThat(annexes.add(id, "memoria.docx", docx).mediaType()).contains("wordprocessingml");
        assertThat(annexes.list(id)).extracting(Annex::fileName)
                .containsExactly("presupuesto-obra.pdf", "plano.png", "memoria.docx");
        long pdfId = annexes.list(id).getFirst().id();
        assertThat(annexes.content(id, pdfId)).isEqualTo(PDF);
        assertThat(search.search(SearchQuery.words("presupuesto"), null, 10).hits()).extracting(SearchHit::oficioId)
                .contains(id);

        signedOficios.signDraft(id);
        acting.as(Acting.DRAFTER);
        byte[] signed = signedOficios.signedPdf(id);
        try (var pdf = Loader.loadPDF(signed)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("presupuesto-obra.pdf", ContentHash.ofBytes(PDF), "memoria.docx",
                    ContentHash.ofBytes(docx));
        }
        assertThatThrownBy(() -> annexes.add(id, "tarde.pdf", PDF)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> annexes.remove(id, pdfId)).isInstanceOf(AccessDeniedException.class);

        acting.as(Acting.OTHER_UNIT_DRAFTER);
        assertThatThrownBy(() -> annexes.list(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> annexes.content(id, pdfId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void forbidden_types_lying_names_threats_and_oversized_files_are_refused_and_nothing_is_stored() throws Exception {
        UUID id = draft("Anexos rechazados");
        byte[] program = "MZ\u0090\u0000 este es un programa".getBytes(StandardCharsets.ISO_8859_1);
        byte[] eicar = ("%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] plainZip = zip(Map.of("leeme.txt", "hola"));
        byte[] huge = new byte[(int) annexes.limits().maxFileBytes() + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);

        assertRefused(() -> annexes.add(id, "factura.pdf", program), "annex.type");     // a program calling itself a PDF
        assertRefused(() -> annexes.add(id, "factura.exe", PDF), "annex.type");         // a PDF under a program's name
        assertRefused(() -> annexes.add(id, "comprimido.docx", plainZip), "annex.type"); // a zip that is no document
        assertRefused(() -> annexes.add(id, "prueba.pdf", eicar), "annex.threat");
        assertRefused(() -> annexes.add(id, "enorme.pdf", huge), "annex.too-large");
        assertRefused(() -> annexes.add(id, "vacio.pdf", new byte[0]), "annex.empty");
        annexes.add(id, "oficio.pdf", PDF);
        assertRefused(() -> annexes.add(id, "OFICIO.pdf", PDF), "annex.name-taken");
        assertThat(annexes.list(id)).extracting(Annex::fileName).containsExactly("oficio.pdf");
    }

    private static void assertRefused(Runnable add, String key) {
        assertThatThrownBy(add::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
