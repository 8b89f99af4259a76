package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/**
 * The PDF engine's renderers are pooled for speed; nothing of one document may reach the next: not its page
 * size or styles, not its title or author, not the draft mark, not a failure half-way.
 */
class PdfRendererReuseTests {

    private static final String PAGE = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>%s</head>"
            + "<body><p>${data.subject}</p></body></html>";
    private static final long LEGAL = 31;
    private static final long PLAIN = 32;
    private static final long BROKEN = 33;

    private final DocumentRenderer renderer = InMemoryTemplates.builtins()
            .add(LEGAL, PAGE.formatted("<meta name=\"keywords\" content=\"reservado\"/>"
                    + "<style>@page { size: legal; margin: 1cm } p { color: #ff0000 }</style>"),
                    List.of())
            .add(PLAIN, PAGE.formatted("<style>@page { size: letter; margin: 2cm }</style>"), List.of())
            .add(BROKEN, "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>sin cerrar</body></html>", List.of())
            .renderer();

    private static DocumentData data(String subject, String author, boolean draft) {
        return new DocumentData(null, null, null, null, null, null, null, null, null, null, subject, null, author,
                null, Map.of(), draft);
    }

    @Test
    void alternating_documents_keep_their_own_page_size_metadata_and_draft_mark() throws IOException {
        for (int i = 0; i < 20; i++) {
            byte[] legal = renderer.toPdf(LEGAL, data("Primero", "Autora", true));
            byte[] plain = renderer.toPdf(PLAIN, data("Segundo", null, false));
            byte[] oficio = renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(false));

            try (PDDocument l = Loader.loadPDF(legal); PDDocument p = Loader.loadPDF(plain)) {
                assertThat(l.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.LEGAL.getHeight());
                assertThat(p.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
                assertThat(l.getDocumentInformation().getTitle()).isEqualTo("Primero");
                assertThat(l.getDocumentInformation().getAuthor()).isEqualTo("Autora");
                assertThat(p.getDocumentInformation().getTitle()).isEqualTo("Segundo");
                assertThat(p.getDocumentInformation().getAuthor()).isNull();
                assertThat(l.getDocumentInformation().getKeywords()).isEqualTo("reservado");
                assertThat(p.getDocumentInformation().getKeywords()).isNull();
            }
            assertThat(DocumentRendererTests.text(legal)).contains("BORRADOR");
            assertThat(DocumentRendererTests.text(plain)).doesNotContain("BORRADOR");
            assertThat(DocumentRendererTests.text(oficio)).contains("Oficio núm. SOP/DOP/0042/2026")
                    .doesNotContain("BORRADOR");
        }
    }

    @Test
    void a_document_the_engine_refuses_does_not_spoil_the_next_one() throws IOException {
        assertThatThrownBy(() -> renderer.toPdf(BROKEN, data("Roto", null, false)))
                .isInstanceOf(TemplateRenderException.class);

        byte[] plain = renderer.toPdf(PLAIN, data("Después", null, false));

        assertThat(DocumentRendererTests.text(plain)).contains("Después");
    }

    @Test
    void the_same_document_twice_gives_the_same_text_and_size() throws IOException {
        byte[] first = renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(true));
        byte[] second = renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(true));

        assertThat(DocumentRendererTests.text(second)).isEqualTo(DocumentRendererTests.text(first));
        assertThat(second.length).isBetween(first.length - 64, first.length + 64); // ids and dates differ
    }
}
