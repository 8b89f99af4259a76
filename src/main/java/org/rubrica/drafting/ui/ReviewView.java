package org.rubrica.drafting.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.PermitAll;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.ChangeStatus;
import org.rubrica.drafting.ChangeTarget;
import org.rubrica.drafting.CommentService;
import org.rubrica.drafting.DocxService;
import org.rubrica.drafting.DraftAccess;
import org.rubrica.drafting.InvitationService;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.ReviewModels.AuthorCount;
import org.rubrica.drafting.ReviewModels.ChangeOverview;
import org.rubrica.drafting.ReviewModels.ChangeView;
import org.rubrica.drafting.ReviewModels.RevisionSummary;
import org.rubrica.drafting.ReviewModels.Role;
import org.rubrica.drafting.ReviewService;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.shared.ui.BoundedUpload;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;

/**
 * Where a draft is reviewed: its pending changes as a redline with a list to accept or reject them, its comment
 * threads, its revisions (any two compared), who takes part, and its Word copy. Every action goes through the
 * services, which decide who may do it.
 */
@Route("oficios/:id/revision")
@PermitAll
class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final OficioService oficios;
    private final ReviewService review;
    private final CommentService comments;
    private final InvitationService invitations;
    private final DocxService docx;
    private final Directory directory;

    private final TabSheet tabs = new TabSheet();
    private final Div changesTab = new Div();
    private final Div commentsTab = new Div();
    private final Div historyTab = new Div();
    private final Div peopleTab = new Div();
    private final Div wordTab = new Div();
    private UUID id;
    private OficioDetails oficio;
    private Role role;
    private boolean showDecided;

    ReviewView(OficioService oficios, ReviewService review, CommentService comments, InvitationService invitations,
               DocxService docx, Directory directory) {
        this.oficios = oficios;
        this.review = review;
        this.comments = comments;
        this.invitations = invitations;
        this.docx = docx;
        this.directory = directory;
        addClassName("review-view");
        tabs.add(getTranslation("review.tab.changes"), changesTab).setId("tab-changes");
        tabs.add(getTranslation("review.tab.comments"), commentsTab).setId("tab-comments");
        tabs.add(getTranslation("review.tab.history"), historyTab).setId("tab-history");
        tabs.add(getTranslation("review.tab.people"), peopleTab).setId("tab-people");
        tabs.add(getTranslation("review.tab.word"), wordTab).setId("tab-word");
        tabs.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").map(raw -> NotFoundException.parseId(raw, "oficio"))
                .orElseThrow(() -> new NotFoundException("oficio"));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.title") + " · " + (oficio == null ? "" : oficio.subject()) + " · "
                + getTranslation("app.name");
    }

    private void refresh() {
        oficio = oficios.get(id); // refuses (as not found) whoever may not see it
        role = review.working(id).role();
        removeAll();
        var status = new Span(getTranslation(oficio.status().messageKey()));
        status.getElement().getThemeList().add("badge");
        var heading = new HorizontalLayout(new H2(oficio.subject()), status,
                new Span(getTranslation("review.role." + role.name())));
        heading.setAlignItems(Alignment.BASELINE);
        heading.setWrap(true);
        var actions = new HorizontalLayout(new Button(getTranslation("review.open-oficio"),
                e -> UI.getCurrent().navigate("oficios/" + id)));
        if (oficio.can().canEdit() || oficio.can().canSuggest()) {
            var edit = new Button(getTranslation(oficio.can().canEdit() ? "action.edit" : "review.suggest"),
                    e -> UI.getCurrent().navigate("oficios/" + id + (oficio.can().canEdit() ? "/editar" : "/sugerir")));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.setId("review-edit");
            actions.add(edit);
        }
        showChanges();
        showComments();
        showHistory();
        showPeople();
        showWord();
        add(heading, actions, tabs);
    }

    // ---- changes

    private void showChanges() {
        changesTab.removeAll();
        ChangeOverview overview = review.changes(id);
        var redline = new Html("<div class=\"redline\">" + overview.redlineHtml() + "</div>");
        var side = new Div();
        side.addClassName("change-side");
        boolean owner = oficio.can().canEdit();
        var authors = new Div();
        authors.addClassName("change-authors");
        for (AuthorCount a : overview.authors()) {
            var chip = new Span(a.authorName() + " · " + getTranslation("review.pending-count", a.pending()));
            chip.addClassNames("author-chip", "rl-a" + a.colour());
            var row = new Div(chip);
            row.addClassName("author-row");
            if (owner && a.pending() > 0) {
                row.add(new HorizontalLayout(
                        small(getTranslation("review.accept-author"), () -> review.decideAll(id, a.authorId(), true)),
                        small(getTranslation("review.reject-author"), () -> review.decideAll(id, a.authorId(), false))));
            }
            authors.add(row);
        }
        side.add(new H3(getTranslation("review.changes", overview.pending().size())), authors);
        if (owner && !overview.pending().isEmpty()) {
            var acceptAll = small(getTranslation("review.accept-all"), () -> review.decideAll(id, null, true));
            acceptAll.setId("accept-all");
            var rejectAll = small(getTranslation("review.reject-all"), () -> review.decideAll(id, null, false));
            rejectAll.setId("reject-all");
            side.add(new HorizontalLayout(acceptAll, rejectAll));
        }
        var filter = new Select<Boolean>();
        filter.setItems(false, true);
        filter.setItemLabelGenerator(all -> getTranslation(all ? "review.filter.all" : "review.filter.pending"));
        filter.setValue(showDecided);
        filter.addValueChangeListener(e -> {
            showDecided = e.getValue();
            showChanges();
        });
        side.add(filter);
        List<ChangeView> listed = showDecided ? overview.changes() : overview.pending();
        if (listed.isEmpty()) {
            side.add(new Paragraph(getTranslation("review.no-changes")));
        }
        for (ChangeView c : listed) {
            side.add(changeCard(c, owner));
        }
        var split = new FlexLayout(redline, side);
        split.addClassName("review-split");
        changesTab.add(split);
    }

    private Component changeCard(ChangeView c, boolean owner) {
        var card = new Div();
        card.addClassNames("change-card", "rl-a" + c.colour());
        card.setId("change-" + c.id());
        var who = new Span(c.authorName() + " · " + Formats.dateTime(c.at(), getLocale()));
        who.addClassName("change-meta");
        card.add(who, new Paragraph(describe(c)));
        if (c.originNote() != null) {
            card.add(new Paragraph(getTranslation("review.word-author", c.originNote())));
        }
        if (c.conflict()) {
            var conflict = new Span(getTranslation("review.conflict"));
            conflict.getElement().getThemeList().add("badge error");
            card.add(conflict);
        }
        if (c.status() != ChangeStatus.PENDING) {
            var decided = new Span(getTranslation("review.status." + c.status().name())
                    + (c.decidedByName() == null ? "" : " · " + c.decidedByName()));
            decided.getElement().getThemeList().add("badge contrast");
            card.add(decided);
        } else if (owner) {
            var accept = small(getTranslation("review.accept"), () -> review.accept(id, c.id()));
            accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            accept.setId("accept-" + c.id());
            var reject = small(getTranslation("review.reject"), () -> review.reject(id, c.id()));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            reject.setId("reject-" + c.id());
            card.add(new HorizontalLayout(accept, reject));
        }
        return card;
    }

    private String describe(ChangeView c) {
        String where = switch (c.target()) {
            case BODY -> "";
            case SUBJECT -> getTranslation("oficio.subject") + ": ";
            case FIELD -> c.fieldName() + ": ";
        };
        boolean removes = c.removed() != null && !c.removed().isBlank();
        boolean adds = c.added() != null && !c.added().isBlank();
        String what;
        if (removes && adds) {
            what = getTranslation("review.replace", clip(c.removed()), clip(c.added()));
        } else if (adds) {
            what = getTranslation("review.insert", clip(c.added()));
        } else {
            what = getTranslation(c.target() == ChangeTarget.BODY ? "review.delete" : "review.clear", clip(c.removed()));
        }
        return where + what;
    }

    // ---- comments

    private void showComments() {
        commentsTab.removeAll();
        // today's text without the redline, so a passage selected here is found as it stands
        var text = new Html("<div class=\"redline comment-source\">"
                + BodyTokens.toHtml(BodyTokens.tokenize(oficio.bodyHtml())) + "</div>");
        var threads = new Div();
        threads.addClassName("change-side");
        var split = new FlexLayout(text, threads);
        split.addClassName("review-split");
        commentsTab.add(split);
        fillThreads(threads);
    }

    private void fillThreads(Div into) {
        if (oficio.can().canComment()) {
            var quote = new TextArea(getTranslation("comment.quote"));
            quote.setHelperText(getTranslation("comment.quote.help"));
            quote.setId("comment-quote");
            quote.setWidthFull();
            var fromSelection = new Button(getTranslation("comment.use-selection"), e -> getElement()
                    .executeJs("return window.getSelection ? window.getSelection().toString() : ''")
                    .then(String.class, quote::setValue));
            var text = new TextArea(getTranslation("comment.text"));
            text.setHelperText(getTranslation("comment.text.help"));
            text.setMaxLength(CommentService.BODY_MAX);
            text.setWidthFull();
            text.setId("comment-text");
            var send = new Button(getTranslation("comment.send"), e -> act(() -> {
                comments.comment(id, quote.getValue(), text.getValue());
                Notices.success(getTranslation("comment.sent"));
            }));
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            send.setId("comment-send");
            into.add(quote, fromSelection, text, send);
        }
        List<CommentService.Thread> threads = comments.threads(id);
        if (threads.isEmpty()) {
            into.add(new Paragraph(getTranslation("comment.none")));
        }
        for (CommentService.Thread t : threads) {
            into.add(thread(t));
        }
    }

    private Component thread(CommentService.Thread t) {
        var box = new Div();
        box.addClassName("comment-thread");
        if (t.opening().resolved()) {
            box.addClassName("resolved");
        }
        if (t.opening().quote() != null) {
            var quote = new Div(new Span("«" + t.opening().quote() + "»"));
            quote.addClassName("comment-quote");
            box.add(quote);
        }
        box.add(comment(t.opening()));
        t.replies().forEach(r -> box.add(comment(r)));
        if (oficio.can().canComment()) {
            var reply = new TextField();
            reply.setPlaceholder(getTranslation("comment.reply"));
            reply.setMaxLength(CommentService.BODY_MAX);
            reply.setWidthFull();
            var send = small(getTranslation("comment.reply.send"), () -> comments.reply(id, t.opening().id(), reply.getValue()));
            var resolve = t.opening().resolved()
                    ? small(getTranslation("comment.reopen"), () -> comments.reopen(id, t.opening().id()))
                    : small(getTranslation("comment.resolve"), () -> comments.resolve(id, t.opening().id()));
            var line = new HorizontalLayout(reply, send, resolve);
            line.setWidthFull();
            box.add(line);
        }
        if (t.opening().resolved()) {
            box.add(new Span(getTranslation("comment.resolved-by", t.opening().resolvedByName())));
        }
        return box;
    }

    private Component comment(CommentService.Comment c) {
        var meta = new Span(c.authorName() + " · " + Formats.dateTime(c.at(), getLocale()));
        meta.addClassName("change-meta");
        var div = new Div(meta, new Paragraph(c.body()));
        div.addClassName("comment");
        return div;
    }

    // ---- history

    private void showHistory() {
        historyTab.removeAll();
        List<RevisionSummary> revisions = review.revisions(id);
        var grid = new Grid<RevisionSummary>();
        grid.addColumn(RevisionSummary::no).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation("revision.kind." + r.kind())).setHeader(getTranslation("revision.kind"));
        grid.addColumn(RevisionSummary::authorName).setHeader(getTranslation("revision.author"));
        grid.addColumn(r -> Formats.dateTime(r.at(), getLocale())).setHeader(getTranslation("revision.at"));
        grid.addColumn(r -> r.note() == null ? "" : r.note()).setHeader(getTranslation("revision.note"));
        grid.setItems(revisions);
        grid.setAllRowsVisible(revisions.size() <= 12);
        var from = new Select<RevisionSummary>();
        var to = new Select<RevisionSummary>();
        from.setLabel(getTranslation("revision.from"));
        to.setLabel(getTranslation("revision.to"));
        for (var select : List.of(from, to)) {
            select.setItems(revisions);
            select.setItemLabelGenerator(r -> "#" + r.no() + " · " + r.authorName());
        }
        from.setId("revision-from");
        to.setId("revision-to");
        if (!revisions.isEmpty()) {
            from.setValue(revisions.getLast());
            to.setValue(revisions.getFirst());
        }
        var result = new Div();
        result.setId("revision-comparison");
        var compare = new Button(getTranslation("revision.compare"), e -> {
            if (from.getValue() == null || to.getValue() == null) {
                return;
            }
            var comparison = review.compare(id, from.getValue().no(), to.getValue().no());
            result.removeAll();
            comparison.values().forEach(v -> result.add(new Paragraph((v.target() == ChangeTarget.SUBJECT
                    ? getTranslation("oficio.subject") : v.fieldName()) + ": «" + v.before() + "» → «" + v.after() + "»")));
            result.add(new Html("<div class=\"redline\">" + comparison.redlineHtml() + "</div>"));
        });
        compare.setId("revision-compare");
        var controls = new HorizontalLayout(from, to, compare);
        controls.setAlignItems(Alignment.BASELINE);
        historyTab.add(grid, controls, result);
    }

    // ---- people

    private void showPeople() {
        peopleTab.removeAll();
        boolean owner = oficio.can().canEdit();
        peopleTab.add(new Paragraph(getTranslation("review.owner", oficio.authorName())));
        for (InvitationService.Invitation i : invitations.invitations(id)) {
            var line = new HorizontalLayout(new Span(i.fullName() + " · " + i.cargo() + " · " + i.unitName()),
                    new Span(getTranslation("invitation.access." + i.access().name())));
            line.setAlignItems(Alignment.CENTER);
            if (owner) {
                line.add(small(getTranslation("invitation.remove"), () -> invitations.remove(id, i.personId())));
            }
            peopleTab.add(line);
        }
        if (!owner) {
            return;
        }
        var person = new ComboBox<Person>(getTranslation("invitation.person"));
        person.setItems(directory.people().stream().filter(Person::active)
                .filter(p -> p.id() != oficio.authorId()).toList());
        person.setItemLabelGenerator(p -> p.fullName() + " · " + directory.unit(p.unitId()).label());
        person.setId("invite-person");
        person.setWidth("24rem");
        var access = new Select<DraftAccess>();
        access.setLabel(getTranslation("invitation.access"));
        access.setItems(DraftAccess.values());
        access.setItemLabelGenerator(a -> getTranslation("invitation.access." + a.name()));
        access.setValue(DraftAccess.EDITOR);
        access.setId("invite-access");
        var invite = new Button(getTranslation("invitation.invite"), e -> act(() -> {
            if (person.getValue() == null) {
                throw new InvalidInputException("invitation.unknown-person", "person");
            }
            invitations.invite(id, person.getValue().id(), access.getValue());
            Notices.success(getTranslation("invitation.done", person.getValue().fullName()));
        }));
        invite.setId("invite");
        var form = new HorizontalLayout(person, access, invite);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        peopleTab.add(new H3(getTranslation("invitation.title")), form);
    }

    // ---- word

    private void showWord() {
        wordTab.removeAll();
        var download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = docx.export(id);
            return new DownloadResponse(new ByteArrayInputStream(file), "oficio-" + id + ".docx", DocxService.MEDIA_TYPE,
                    file.length);
        }), getTranslation("docx.export"));
        download.setTarget(AnchorTarget.BLANK);
        download.setId("docx-export");
        wordTab.add(new Paragraph(getTranslation("docx.export.help")), download);
        if (!oficio.can().canEdit() && !oficio.can().canSuggest()) {
            return;
        }
        Upload upload = new Upload(new BoundedUpload(DocxService.MAX_BYTES, (name, bytes) -> {
            if (bytes == null) {
                Notices.error(getTranslation("docx.too-large", DocxService.MAX_BYTES / (1024 * 1024)));
                return;
            }
            act(() -> {
                var outcome = docx.importDocx(id, name, bytes);
                String message = getTranslation("docx.imported", outcome.changes());
                if (!outcome.unmatchedAuthors().isEmpty()) {
                    message += " " + getTranslation("docx.imported.unmatched", String.join(", ", outcome.unmatchedAuthors()));
                }
                Notices.success(message);
            });
        }));
        upload.setAcceptedFileTypes(DocxService.MEDIA_TYPE, ".docx");
        upload.setMaxFileSize(DocxService.MAX_BYTES);
        upload.setUploadButton(new Button(getTranslation("docx.import")));
        upload.setDropLabel(new Span(getTranslation("docx.import.help")));
        upload.setId("docx-import");
        wordTab.add(new H3(getTranslation("docx.import")), upload);
    }

    // ---- helpers

    private Button small(String text, Runnable action) {
        var button = new Button(text, e -> act(action));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** Runs an action and shows the outcome: a refreshed page, or the reason it was refused. */
    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private static String clip(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() > 140 ? t.substring(0, 139) + "…" : t;
    }
}
