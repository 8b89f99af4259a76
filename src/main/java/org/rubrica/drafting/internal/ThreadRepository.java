package org.rubrica.drafting.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which oficio answers which, and the conversations they make. */
@Repository
public class ThreadRepository {

    private final JdbcClient jdbc;

    ThreadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first oficio of the conversation this one belongs to (itself when it starts one). */
    public UUID threadOf(UUID oficioId) {
        return jdbc.sql("SELECT thread_id FROM drafting_thread WHERE oficio_id = ?").param(oficioId)
                .query(UUID.class).optional().orElse(oficioId);
    }

    public Optional<UUID> inReplyTo(UUID oficioId) {
        return jdbc.sql("SELECT in_reply_to FROM drafting_thread WHERE oficio_id = ?").param(oficioId)
                .query(UUID.class).optional();
    }

    /** Records that {@code reply} answers {@code original}, in the original's conversation. */
    public void link(UUID reply, UUID original) {
        UUID thread = threadOf(original);
        jdbc.sql("INSERT INTO drafting_thread (oficio_id, in_reply_to, thread_id) VALUES (?, NULL, ?) ON CONFLICT DO NOTHING")
                .params(thread, thread).update();
        jdbc.sql("INSERT INTO drafting_thread (oficio_id, in_reply_to, thread_id) VALUES (?, ?, ?)")
                .params(reply, original, thread).update();
    }

    /** Every oficio of the conversation, the first one included. */
    public List<UUID> members(UUID threadId) {
        List<UUID> ids = jdbc.sql("SELECT oficio_id FROM drafting_thread WHERE thread_id = ?").param(threadId)
                .query(UUID.class).list();
        return ids.isEmpty() ? List.of(threadId) : ids;
    }
}
