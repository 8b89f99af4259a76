package org.rubrica.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.drafting.ReviewModels.ChangeView;
import org.rubrica.drafting.ReviewModels.WorkingDraft;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.templates.RichText;
import org.springframework.beans.factory.annotation.Autowired;

/** Word round trip: pending changes out as tracked changes, edited copies back as attributed suggestions. */
@RubricaTest
class DocxRoundTripTests {

    static final String OWNER = Acting.DRAFTER;
    static final String REVIEWER = Acting.OTHER_UNIT_DRAFTER;

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired ReviewService review;
    @Autowired CommentService comments;
    @Autowired InvitationService invitations;
    @Autowired DocxService docx;
    @Autowired Trail trail;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    /** A draft with a heading, a list, a table and a link; the reviewer suggests two changes and comments. */
    private UUID draftWithSuggestions() {
        acting.as(OWNER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Programa de bacheo",
                "<h2>Antecedentes</h2><p>Se solicita el <b>informe</b> del programa de bacheo 2026.</p>"
                        + "<ul><li>Calles atendidas</li><li>Costo total</li></ul>"
                        + "<table><tbody><tr><th>Colonia</th><th>Metros</th></tr><tr><td>Centro</td><td>1,200</td></tr></tbody></table>"
                        + "<p>Consulte <a href=\"https://sanandres.gob.example/obras\">el portal</a>.</p>", Map.of()));
        invitations.invite(id, acting.personId(REVIEWER), DraftAccess.EDITOR);
        acting.as(REVIEWER);
        WorkingDraft w = review.working(id);
        DraftContent c = w.content();
        review.suggest(id, new DraftContent(c.recipientUnitId(), c.subject(),
                c.bodyHtml().replace("bacheo 2026", "bacheo y pavimentación 2026").replace("<li>Costo total</li>", ""),
                c.fields()), w.baseVersion(), null);
        comments.comment(id, "Calles atendidas", "¿Con nombre de cada calle?");
        return id;
    }

    @Test
    void an_export_carries_pending_changes_as_word_tracked_changes_with_their_authors_and_comments() throws IOException {
        UUID id = draftWithSuggestions();
        acting.as(OWNER);
        byte[] file = docx.export(id);
        String document = entry(file, "word/document.xml");
        String reviewer = acting.fullName(REVIEWER);
        assertThat(document).contains("<w:ins ", "w:author=\"" + reviewer + "\"", "y pavimentación", "<w:del ",
                "<w:delText xml:space=\"preserve\">Costo total</w:delText>", "rubrica_cuerpo",
                "<w:commentReference w:id=\"0\"/>", "Heading2", "<w:tblHeader/>", "<w:hyperlink");
        assertThat(entry(file, "word/comments.xml")).contains("¿Con nombre de cada calle?", reviewer);
        assertThat(entry(file, "word/_rels/document.xml.rels")).contains("https://sanandres.gob.example/obras");

        // importing the copy untouched adds nothing: its changes are pending already
        assertThat(docx.importDocx(id, "copia.docx", file).changes()).isZero();
        assertThat(review.changes(id).pending()).hasSize(2);
        // nor after the owner renamed the subject: the copy's subject is the one it was exported with
        var d = oficios.get(id);
        oficios.saveDraft(id, new DraftContent(d.recipientUnitId(), "Programa de bacheo 2027", d.bodyHtml(), d.fields()),
                d.version());
        assertThat(docx.importDocx(id, "copia.docx", file).changes()).isZero();

        // a Word author who takes no part in the draft is not matched, whoever they name
        String outsider = acting.fullName(Acting.RECIPIENT_HEAD);
        byte[] forged = withDocument(file, xml -> xml.replaceFirst("Antecedentes</w:t></w:r>",
                "Antecedentes</w:t></w:r><w:ins w:id=\"960\" w:author=\"" + outsider + "\" w:date=\"2026-11-30T12:00:00Z\">"
                        + "<w:r><w:t xml:space=\"preserve\"> falsos</w:t></w:r></w:ins>"));
        var outcome = docx.importDocx(id, "falsificado.docx", forged);
        assertThat(outcome.unmatchedAuthors()).containsExactly(outsider);
        assertThat(review.changes(id).pending()).filteredOn(c -> "falsos".equals(c.added())).singleElement()
                .satisfies(c -> assertThat(c.authorName()).isEqualTo(acting.fullName(OWNER)));
    }

    @Test
    void a_copy_edited_with_tracked_changes_comes_back_as_suggestions_of_their_authors() throws IOException {
        UUID id = draftWithSuggestions();
        acting.as(OWNER);
        review.decideAll(id, null, false); // a clean text to edit in "Word"
        invitations.invite(id, acting.personId(Acting.RECIPIENT), DraftAccess.READER); // only participants are matched
        byte[] exported = docx.export(id);
        String torres = acting.fullName(Acting.RECIPIENT); // a person of the directory, written as Word writes names
        byte[] edited = withDocument(exported, xml -> xml
                .replaceFirst("(<w:t xml:space=\"preserve\">)(Antecedentes)(</w:t>)",
                        "$1Antecedentes generales$3") // an edit made without tracking
                .replaceFirst(" del programa ", " del </w:t></w:r>"
                        + "<w:del w:id=\"901\" w:author=\"Persona Externa\" w:date=\"2026-11-30T10:00:00Z\"><w:r>"
                        + "<w:delText>programa</w:delText></w:r></w:del><w:ins w:id=\"902\" w:author=\"Persona Externa\""
                        + " w:date=\"2026-11-30T10:00:00Z\"><w:r><w:t>plan</w:t></w:r></w:ins>"
                        + "<w:r><w:t xml:space=\"preserve\"> ")
                .replaceFirst("<w:r><w:t xml:space=\"preserve\">Centro</w:t></w:r>",
                        "<w:r><w:t xml:space=\"preserve\">Centro</w:t></w:r><w:ins w:id=\"903\" w:author=\""
                                + stripTitle(torres).toUpperCase() + "\" w:date=\"2026-11-30T11:00:00Z\"><w:r><w:t xml:space=\"preserve\"> Histórico</w:t></w:r></w:ins>"));

        var outcome = docx.importDocx(id, "bacheo-revisado.docx", edited);
        assertThat(outcome.changes()).isEqualTo(3);
        assertThat(outcome.unmatchedAuthors()).containsExactly("Persona Externa");

        var pending = review.changes(id).pending();
        assertThat(pending).anySatisfy(c -> {
            assertThat(c.added()).isEqualTo("Histórico");
            assertThat(c.authorName()).isEqualTo(torres);
        });
        assertThat(pending).anySatisfy(c -> {
            assertThat(c.removed()).isEqualTo("programa");
            assertThat(c.added()).isEqualTo("plan");
            assertThat(c.authorName()).isEqualTo(acting.fullName(OWNER)); // the importer, with the Word author noted
            assertThat(c.originNote()).isEqualTo("Persona Externa");
        });
        assertThat(pending).anySatisfy(c -> {
            assertThat(c.added()).isEqualTo("generales");
            assertThat(c.authorName()).isEqualTo(acting.fullName(OWNER));
        });
        pending.forEach(c -> review.accept(id, c.id()));
        assertThat(RichText.toPlainText(oficios.get(id).bodyHtml())).startsWith("Antecedentes generales")
                .contains("Se solicita el informe del plan de bacheo", "Centro Histórico");
        assertThat(trail.of(id)).extracting(TrailEntry::type).contains("DOCX_IMPORTED");
        assertThat(review.revisions(id)).extracting(ReviewModels.RevisionSummary::kind).contains("IMPORTED");
    }

    @Test
    void libreoffice_opens_the_export_with_its_tracked_changes_and_authors_and_its_saved_copy_reads_back() throws Exception {
        String soffice = findSoffice();
        assumeTrue(soffice != null || System.getenv("CI") == null, "LibreOffice is installed by .ci/run");
        assertThat(soffice).as("LibreOffice (soffice) on the PATH").isNotNull();
        UUID id = draftWithSuggestions();
        acting.as(OWNER);
        byte[] exported = docx.export(id);
        byte[] resaved = throughLibreOffice(soffice, exported);

        String document = entry(resaved, "word/document.xml");
        String reviewer = acting.fullName(REVIEWER);
        assertThat(document).contains("<w:ins", "<w:del", "w:author=\"" + reviewer + "\"");
        // LibreOffice kept the changes as changes: read back, they are the ones already pending
        assertThat(docx.importDocx(id, "libreoffice.docx", resaved).changes()).isZero();
        var pending = review.changes(id).pending();
        assertThat(pending).extracting(ChangeView::authorName).containsOnly(reviewer);
        assertThat(pending).extracting(ChangeView::added).contains("y pavimentación");

        // a tracked change made on the copy, saved by LibreOffice, comes back attributed to its author
        invitations.invite(id, acting.personId(Acting.RECIPIENT), DraftAccess.READER);
        String torres = acting.fullName(Acting.RECIPIENT);
        byte[] edited = withDocument(exported, xml -> xml.replaceFirst("Calles atendidas</w:t></w:r>",
                "Calles atendidas</w:t></w:r><w:ins w:id=\"950\" w:author=\"" + torres + "\" w:date=\"2026-11-30T12:00:00Z\">"
                        + "<w:r><w:t xml:space=\"preserve\"> y banquetas</w:t></w:r></w:ins>"));
        var outcome = docx.importDocx(id, "revisado-en-libreoffice.docx", throughLibreOffice(soffice, edited));
        assertThat(outcome.changes()).isEqualTo(1);
        assertThat(review.changes(id).pending()).anySatisfy(c -> {
            assertThat(c.added()).isEqualTo("y banquetas");
            assertThat(c.authorName()).isEqualTo(torres);
        });
    }

    @Test
    void unsafe_or_broken_files_are_refused_with_a_clear_reason_and_nothing_is_saved() throws IOException {
        UUID id = draftWithSuggestions();
        acting.as(OWNER);
        byte[] good = docx.export(id);
        int before = review.changes(id).changes().size();

        refused(id, "roto.docx", "esto no es un zip".getBytes(StandardCharsets.UTF_8), "docx.not-docx");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        refused(id, "cortado.docx", truncated, "docx.not-docx");
        byte[] ole = new byte[2048];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole, 0, 8);
        refused(id, "protegido.docx", ole, "docx.encrypted-or-old");
        refused(id, "macros.docm", good, "docx.macros");
        byte[] vba = withEntry(good, "word/vbaProject.bin", new byte[100]);
        refused(id, "macros.docx", vba, "docx.macros");
        byte[] macroTypes = withEntryEdited(good, "[Content_Types].xml", x -> x.replace(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml"));
        refused(id, "disfrazado.docx", macroTypes, "docx.macros");
        refused(id, "enorme.docx", new byte[11 * 1024 * 1024], "docx.too-large");
        byte[] bomb = withEntry(good, "word/media/relleno.bin", new byte[200 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        refused(id, "bomba.docx", bomb, "docx.zip-bomb");
        byte[] entities = withDocument(good, x -> x.replaceFirst("<w:document",
                "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document"));
        refused(id, "entidades.docx", entities, "docx.not-docx");

        assertThat(review.changes(id).changes()).hasSize(before);
    }

    private void refused(UUID id, String name, byte[] bytes, String key) {
        assertThatThrownBy(() -> docx.importDocx(id, name, bytes))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static String stripTitle(String name) {
        return name.replaceFirst("^\\S+\\.\\s+", "");
    }

    static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }

    static byte[] withDocument(byte[] zip, UnaryOperator<String> edit) throws IOException {
        return withEntryEdited(zip, "word/document.xml", edit);
    }

    static byte[] withEntryEdited(byte[] zip, String name, UnaryOperator<String> edit) throws IOException {
        return rewrite(zip, name, bytes -> edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withEntry(byte[] zip, String name, byte[] content) throws IOException {
        return rewrite(zip, name, old -> content);
    }

    private static byte[] rewrite(byte[] zip, String name, UnaryOperator<byte[]> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name)) {
                    bytes = edit.apply(bytes);
                    found = true;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
            if (!found) {
                z.putNextEntry(new ZipEntry(name));
                z.write(edit.apply(new byte[0]));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String findSoffice() {
        for (String candidate : new String[] {"/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** Opens the file in LibreOffice and saves it again as Word, the way a person would after looking at it. */
    static byte[] throughLibreOffice(String soffice, byte[] docx) throws Exception {
        Path dir = Files.createTempDirectory("rubrica-lo");
        Path in = dir.resolve("in").resolve("oficio.docx");
        Files.createDirectories(in.getParent());
        Files.write(in, docx);
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(soffice, "-env:UserInstallation=file://" + dir.resolve("profile"), "--headless",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", out.toString(), in.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("LibreOffice finished: " + log).isTrue();
        return Files.readAllBytes(out.resolve("oficio.docx"));
    }
}
