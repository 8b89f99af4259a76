package org.rubrica.ui.oficio;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;

import org.rubrica.audit.TrailEntry;
import org.rubrica.shared.ui.Formats;

/** The oficio's timeline: what happened, who did it and when. */
class TrailList extends OrderedList {

    TrailList(List<TrailEntry> entries) {
        addClassName("trail");
        for (TrailEntry entry : entries) {
            var what = new Span(getTranslation(entry.messageKey(), entry.detail() == null ? "" : entry.detail()));
            what.addClassName("trail-what");
            var who = new Span(entry.actorName() == null ? getTranslation("trail.system") : entry.actorName());
            var when = new Span(Formats.dateTime(entry.at(), getLocale()));
            var meta = new Div(who, new Span(" · "), when);
            meta.addClassName("trail-meta");
            var item = new ListItem(what, meta);
            item.addClassName("trail-entry");
            add(item);
        }
    }
}
