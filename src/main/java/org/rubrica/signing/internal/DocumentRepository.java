package org.rubrica.signing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what signing registers about an oficio as a document: its verification code. */
@Repository
public class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The oficio's code: the one it has, or {@code fresh} stored now (under the caller's lock on the oficio). */
    public String codeOnce(UUID oficioId, String fresh, Instant now) {
        jdbc.sql("""
                        INSERT INTO signing_document (oficio_id, verification_code, created_at) VALUES (?, ?, ?)
                        ON CONFLICT (oficio_id) DO NOTHING""")
                .params(oficioId, fresh, Timestamp.from(now)).update();
        return code(oficioId).orElseThrow();
    }

    public Optional<String> code(UUID oficioId) {
        return jdbc.sql("SELECT verification_code FROM signing_document WHERE oficio_id = ?").param(oficioId)
                .query(String.class).optional();
    }

    public Optional<UUID> oficioByCode(String code) {
        return jdbc.sql("SELECT oficio_id FROM signing_document WHERE verification_code = ?").param(code)
                .query(UUID.class).optional();
    }
}
