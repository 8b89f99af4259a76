package org.rubrica.search.internal;

import java.util.List;
import java.util.UUID;

import org.rubrica.drafting.OficioIndexSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, indexes the oficios the index does not hold yet (those written before search existed), a page at a
 * time, telling the log how far it got; an index already complete costs one pass over the ids. Their route
 * members and assignees are not known from here: those people find such an oficio by search once it changes again.
 */
@Component
class IndexBackfill {

    private static final Logger log = LoggerFactory.getLogger(IndexBackfill.class);
    private static final int PAGE = 500;

    private final SearchIndex index;
    private final OficioIndexSource source;
    private final TransactionTemplate transaction;

    IndexBackfill(SearchIndex index, OficioIndexSource source, PlatformTransactionManager transactions) {
        this.index = index;
        this.source = source;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** In a thread of its own: the application serves meanwhile (search finds older oficios as they are added). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(this::fill, "search-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    void fill() {
        int added = 0;
        UUID after = null;
        for (List<UUID> ids = source.ids(null, PAGE); !ids.isEmpty(); ids = source.ids(after, PAGE)) {
            List<UUID> missing = index.missing(ids);
            transaction.executeWithoutResult(status -> missing.forEach(id -> source.read(id).ifPresent(index::put)));
            added += missing.size();
            if (!missing.isEmpty() && added % 10_000 < missing.size()) {
                log.info("Search index: {} oficios added so far", added);
            }
            after = ids.getLast();
        }
        if (added > 0) {
            log.info("Search index: {} oficios added", added);
        }
    }
}
