package org.rubrica.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.drafting.ReviewModels.ChangeView;
import org.rubrica.drafting.ReviewModels.Role;
import org.rubrica.drafting.ReviewModels.WorkingDraft;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.templates.RichText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Several people on one draft: invitations, suggestions, decisions, comments, revisions and concurrent saves. */
@RubricaTest
class CollaborationTests {

    static final String OWNER = Acting.DRAFTER;               // mlopez, SOP/DOP
    static final String REVIEWER = Acting.OTHER_UNIT_DRAFTER; // kjimenez, TES/DE
    static final String READER = Acting.RECIPIENT;            // gtorres, SEC/DGE
    static final String OUTSIDER = Acting.RECIPIENT_HEAD;     // acervantes

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired ReviewService review;
    @Autowired CommentService comments;
    @Autowired InvitationService invitations;
    @Autowired Trail trail;
    @Autowired org.springframework.context.ApplicationContext context;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private UUID draft(String body) {
        acting.as(OWNER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Solicitud de informe", body,
                Map.of()));
        invitations.invite(id, acting.personId(REVIEWER), DraftAccess.EDITOR);
        invitations.invite(id, acting.personId(READER), DraftAccess.READER);
        return id;
    }

    private static String plain(String html) {
        return RichText.toPlainText(html);
    }

    private WorkingDraft suggest(UUID id, String who, java.util.function.UnaryOperator<String> edit) {
        acting.as(who);
        WorkingDraft working = review.working(id);
        DraftContent c = working.content();
        review.suggest(id, new DraftContent(c.recipientUnitId(), c.subject(), edit.apply(c.bodyHtml()), c.fields()),
                working.baseVersion(), null);
        return working;
    }

    @Test
    void a_reviewer_suggests_the_owner_accepts_some_rejects_others_and_the_trail_tells_each_step() {
        UUID id = draft("<p>Por este medio solicito el informe mensual de obras.</p><p>Sin otro particular.</p>");

        acting.as(REVIEWER);
        WorkingDraft working = review.working(id);
        assertThat(working.role()).isEqualTo(Role.EDITOR);
        DraftContent c = working.content();
        review.suggest(id, new DraftContent(c.recipientUnitId(), "Solicitud de informe de obras",
                "<p>Por este medio solicito <b>a usted</b> el informe trimestral de obras.</p><p>Sin otro particular.</p>"
                        + "<p>Agradezco su atención.</p>", c.fields()), working.baseVersion(), "Ajustes de forma");

        acting.as(OWNER);
        var overview = review.changes(id);
        assertThat(overview.pending()).hasSize(4).allSatisfy(ch -> assertThat(ch.authorName()).isEqualTo(acting.fullName(REVIEWER)));
        assertThat(overview.authors()).singleElement().satisfies(a -> assertThat(a.pending()).isEqualTo(4));
        assertThat(overview.redlineHtml()).contains("<del class=\"rl-del rl-a0\"", "mensual", "<ins class=\"rl-ins rl-a0\"",
                "trimestral");
        assertThat(oficios.get(id).bodyHtml()).contains("mensual").doesNotContain("trimestral"); // suggestions are not the text

        ChangeView quarterly = byAdded(overview.pending(), "trimestral");
        ChangeView addressee = byAdded(overview.pending(), "a usted");
        ChangeView subject = overview.pending().stream().filter(ch -> ch.target() == ChangeTarget.SUBJECT).findFirst().orElseThrow();
        ChangeView thanks = byAdded(overview.pending(), "Agradezco su atención.");
        review.accept(id, quarterly.id());
        review.accept(id, subject.id());
        review.reject(id, addressee.id());

        var details = oficios.get(id);
        assertThat(plain(details.bodyHtml())).isEqualTo("Por este medio solicito el informe trimestral de obras.\n\nSin otro particular.");
        assertThat(details.subject()).isEqualTo("Solicitud de informe de obras");
        var after = review.changes(id);
        assertThat(after.pending()).extracting(ChangeView::id).containsExactly(thanks.id()); // it moved, still pending
        assertThat(after.changes()).filteredOn(ch -> ch.status() == ChangeStatus.REJECTED).extracting(ChangeView::added)
                .containsExactly("a usted"); // rejected changes stay in history
        review.accept(id, thanks.id());
        assertThat(plain(oficios.get(id).bodyHtml())).endsWith("Sin otro particular.\n\nAgradezco su atención.");
        assertThatThrownBy(() -> review.accept(id, thanks.id())).isInstanceOf(InvalidInputException.class);

        assertThat(trail.of(id)).extracting(TrailEntry::type).containsExactly("CREATED", "INVITED_EDITOR",
                "INVITED_READER", "SUGGESTED", "CHANGE_ACCEPTED", "CHANGE_ACCEPTED", "CHANGE_REJECTED", "CHANGE_ACCEPTED");
        assertThat(trail.of(id)).filteredOn(e -> e.type().equals("CHANGE_REJECTED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("a usted", acting.fullName(REVIEWER)));
        assertThat(review.revisions(id)).extracting(ReviewModels.RevisionSummary::kind)
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "SUGGESTED", "CREATED");
        assertThat(review.revisions(id).get(3).note()).isEqualTo("Ajustes de forma");
        var comparison = review.compare(id, 1, review.revisions(id).getFirst().no());
        assertThat(comparison.redlineHtml()).contains("<del", "mensual", "<ins", "trimestral", "Agradezco");
        assertThat(comparison.values()).singleElement().satisfies(v -> assertThat(v.after()).isEqualTo("Solicitud de informe de obras"));
    }

    @Test
    void changes_are_accepted_or_rejected_by_author_or_all_at_once_and_authors_get_their_own_colour() {
        UUID id = draft("<p>uno dos tres cuatro cinco seis</p>");
        acting.as(OWNER);
        invitations.invite(id, acting.personId(Acting.ADMIN), DraftAccess.EDITOR);
        suggest(id, REVIEWER, b -> b.replace("dos", "DOS").replace("cuatro", "CUATRO"));
        suggest(id, Acting.ADMIN, b -> b.replace("seis", "SEIS"));

        acting.as(OWNER);
        var overview = review.changes(id);
        assertThat(overview.authors()).extracting(ReviewModels.AuthorCount::colour).containsExactly(0, 1);
        assertThat(overview.authors()).extracting(ReviewModels.AuthorCount::pending).containsExactly(2, 1);
        assertThat(overview.redlineHtml()).contains("rl-a0", "rl-a1");

        assertThat(review.decideAll(id, acting.personId(REVIEWER), true)).isEqualTo(2);
        assertThat(plain(oficios.get(id).bodyHtml())).isEqualTo("uno DOS tres CUATRO cinco seis");
        assertThat(review.decideAll(id, null, false)).isEqualTo(1);
        assertThat(plain(oficios.get(id).bodyHtml())).isEqualTo("uno DOS tres CUATRO cinco seis");
        assertThat(review.changes(id).pending()).isEmpty();
    }

    @Test
    void accepting_all_never_undoes_what_it_just_accepted_and_records_every_accepted_change_as_accepted() {
        UUID id = draft("<p>uno dos tres cuatro cinco</p>");
        acting.as(OWNER);
        invitations.invite(id, acting.personId(Acting.ADMIN), DraftAccess.EDITOR);
        suggest(id, REVIEWER, b -> b.replace("dos tres cuatro", "DOS TRES CUATRO"));
        suggest(id, Acting.ADMIN, b -> b.replace("tres", "3"));

        acting.as(OWNER);
        assertThat(review.decideAll(id, null, true)).isEqualTo(1);
        assertThat(plain(oficios.get(id).bodyHtml())).isEqualTo("uno DOS TRES CUATRO cinco");
        var all = review.changes(id).changes();
        assertThat(all).filteredOn(c -> c.status() == ChangeStatus.ACCEPTED).singleElement()
                .satisfies(c -> assertThat(c.added()).isEqualTo("DOS TRES CUATRO"));
        assertThat(review.changes(id).pending()).singleElement().satisfies(c -> {
            assertThat(c.conflict()).isTrue(); // its passage was rewritten: the owner looks at it
            assertThat(c.added()).contains("3");
        });
    }

    @Test
    void a_rejected_suggestion_does_not_come_back_from_the_reviewers_open_form() {
        UUID id = draft("<p>uno dos tres cuatro</p>");
        acting.as(REVIEWER);
        WorkingDraft opened = review.working(id);
        DraftContent c = opened.content();
        review.suggest(id, new DraftContent(c.recipientUnitId(), c.subject(), "<p>uno DOS tres cuatro</p>",
                c.fields()), opened.baseVersion(), null, opened.loadedAt());

        acting.as(OWNER);
        review.reject(id, review.changes(id).pending().getFirst().id());

        acting.as(REVIEWER); // the form still says DOS, and the reviewer goes on typing
        review.suggest(id, new DraftContent(c.recipientUnitId(), c.subject(), "<p>uno DOS tres CUATRO</p>",
                c.fields()), opened.baseVersion(), null, opened.loadedAt());
        acting.as(OWNER);
        assertThat(review.changes(id).pending()).extracting(ChangeView::added).containsExactly("CUATRO");

        acting.as(REVIEWER); // then rewrites their own suggestion: it replaces the earlier one, no duplicate
        review.suggest(id, new DraftContent(c.recipientUnitId(), c.subject(), "<p>uno DOS tres Cuatro.</p>", c.fields()),
                opened.baseVersion(), null, opened.loadedAt());
        acting.as(OWNER);
        assertThat(review.changes(id).pending()).extracting(ChangeView::added).containsExactly("Cuatro.");
    }

    @Test
    void the_receiving_office_sees_the_sent_oficio_but_not_how_it_was_argued() {
        UUID id = draft("<p>Texto del oficio.</p>");
        suggest(id, REVIEWER, b -> b.replace("Texto", "Contenido"));
        acting.as(OWNER);
        comments.comment(id, null, "Comentario interno");
        context.getBean(org.rubrica.SignedOficios.class).signAndSend(id);

        acting.as(Acting.RECIPIENT_HEAD); // head of the recipient unit, not invited
        assertThat(oficios.get(id).subject()).isEqualTo("Solicitud de informe");
        assertThatThrownBy(() -> review.changes(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.revisions(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> comments.threads(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invitations(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> context.getBean(DocxService.class).export(id)).isInstanceOf(AccessDeniedException.class);
        acting.as(Acting.AUDITOR);
        assertThat(comments.threads(id)).hasSize(1);
    }

    @Test
    void access_follows_the_invitation() {
        UUID id = draft("<p>Texto reservado.</p>");
        acting.as(READER);
        assertThat(review.working(id).role()).isEqualTo(Role.READER);
        assertThat(oficios.sharedWithMe()).extracting(OficioSummary::id).contains(id);
        assertThatThrownBy(() -> review.suggest(id, oficios.get(id).content(), 1, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.accept(id, 1)).isInstanceOf(AccessDeniedException.class);

        acting.as(REVIEWER);
        assertThatThrownBy(() -> invitations.invite(id, acting.personId(OUTSIDER), DraftAccess.EDITOR))
                .isInstanceOf(AccessDeniedException.class); // only the owner invites
        assertThatThrownBy(() -> oficios.saveDraft(id, oficios.get(id).content(), oficios.get(id).version()))
                .isInstanceOf(AccessDeniedException.class); // editors suggest; they never write the base

        acting.as(OUTSIDER);
        assertThatThrownBy(() -> review.working(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review.changes(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> comments.threads(id)).isInstanceOf(NotFoundException.class);

        acting.as(OWNER);
        assertThatThrownBy(() -> invitations.invite(id, acting.personId(OWNER), DraftAccess.READER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("invitation.self"));
        invitations.remove(id, acting.personId(READER));
        acting.as(READER);
        assertThatThrownBy(() -> review.working(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void comments_anchor_to_a_passage_thread_resolve_and_mentions_need_access() {
        UUID id = draft("<p>Se solicita el informe de avance físico y financiero.</p>");
        acting.as(REVIEWER);
        long thread = comments.comment(id, "avance físico", "¿Incluye el financiero? @gtorres lo revisa");
        acting.as(READER);
        comments.reply(id, thread, "Sí, ambos.");
        comments.resolve(id, thread);
        assertThatThrownBy(() -> comments.comment(id, "no aparece", "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("comment.quote-not-found"));
        assertThatThrownBy(() -> comments.comment(id, null, "Que lo vea @acervantes"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.mention-without-access"));

        var threads = comments.threads(id);
        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.opening().quote()).isEqualTo("avance físico");
            assertThat(t.opening().resolved()).isTrue();
            assertThat(t.replies()).extracting(CommentService.Comment::body).containsExactly("Sí, ambos.");
        });
        assertThat(trail.of(id)).extracting(TrailEntry::type).contains("COMMENTED", "COMMENT_RESOLVED");
    }

    @Test
    void concurrent_saves_against_one_base_never_overwrite_each_other() throws Exception {
        UUID id = draft("<p>uno dos tres cuatro cinco seis siete</p>");
        acting.as(OWNER);
        int base = oficios.get(id).version();
        DraftContent opened = oficios.get(id).content();
        java.util.function.Function<String, DraftContent> with = body -> new DraftContent(opened.recipientUnitId(),
                opened.subject(), body, opened.fields());

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> saves = new ArrayList<>();
        saves.add(as(OWNER, start, () -> oficios.saveDraft(id, with.apply("<p>UNO dos tres cuatro cinco seis siete</p>"), base)));
        saves.add(as(OWNER, start, () -> oficios.saveDraft(id, with.apply("<p>uno dos tres cuatro cinco seis SIETE</p>"), base)));
        saves.add(as(OWNER, start, () -> oficios.saveDraft(id, with.apply("<p>UNO-BIS dos tres cuatro cinco seis siete</p>"), base)));
        saves.add(as(REVIEWER, start, () -> review.suggest(id, with.apply("<p>uno dos TRES cuatro cinco seis siete</p>"), base, null)));
        saves.add(as(Acting.ADMIN, start, () -> review.suggest(id, with.apply("<p>uno dos tres cuatro CINCO seis siete</p>"), base, null)));
        acting.as(OWNER);
        invitations.invite(id, acting.personId(Acting.ADMIN), DraftAccess.EDITOR);
        ExecutorService pool = Executors.newFixedThreadPool(saves.size());
        try {
            List<Future<Object>> done = new ArrayList<>();
            saves.forEach(s -> done.add(pool.submit(s)));
            start.countDown();
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        acting.as(OWNER);
        String text = plain(oficios.get(id).bodyHtml());
        assertThat(text).contains("SIETE").containsAnyOf("UNO ", "UNO-BIS ");
        var pending = review.changes(id).pending();
        // the two rival rewrites of "uno": one is the text, the other waits as a conflict; nothing vanished
        String rival = text.startsWith("UNO-BIS") ? "UNO" : "UNO-BIS";
        assertThat(pending).anySatisfy(c -> {
            assertThat(c.added()).isEqualTo(rival);
            assertThat(c.conflict()).isTrue();
        });
        assertThat(pending).anySatisfy(c -> assertThat(c.added()).isEqualTo("TRES"));
        assertThat(pending).anySatisfy(c -> assertThat(c.added()).isEqualTo("CINCO"));
        for (ChangeView c : pending) {
            review.accept(id, c.id());
        }
        assertThat(plain(oficios.get(id).bodyHtml())).isEqualTo(rival + " dos TRES cuatro CINCO seis SIETE");
    }

    private Callable<Object> as(String who, CountDownLatch start, Callable<Object> save) {
        return () -> {
            acting.as(who);
            start.await();
            try {
                return save.call();
            } finally {
                acting.nobody();
            }
        };
    }

    @Test
    void script_and_handlers_in_a_suggestion_never_reach_the_redline_the_text_or_the_pdf() throws Exception {
        UUID id = draft("<p>Texto base.</p>");
        suggest(id, REVIEWER, b -> b.replace("base.", "base <img src=x onerror=alert(1)><script>alert(2)</script>"
                + "<a href=\"javascript:alert(3)\">aquí</a><b style=\"color:red\" onclick=\"alert(4)\">ya</b>."));
        acting.as(OWNER);
        var overview = review.changes(id);
        assertThat(overview.redlineHtml()).doesNotContain("onerror", "<script", "javascript:", "onclick", "style=", "<img")
                .contains("aquí", "<b>ya</b>");
        overview.pending().forEach(c -> review.accept(id, c.id()));
        String body = oficios.get(id).bodyHtml();
        assertThat(body).doesNotContain("onerror", "script", "javascript:", "onclick", "style").contains("<b>ya</b>");
        String pdfText = text(oficios.pdf(id));
        assertThat(pdfText).contains("aquí").doesNotContain("alert", "<script");
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static ChangeView byAdded(List<ChangeView> changes, String added) {
        return changes.stream().filter(c -> added.equals(c.added())).findFirst()
                .orElseThrow(() -> new AssertionError("no change adding «" + added + "» in " + changes));
    }
}
