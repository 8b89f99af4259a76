package org.rubrica.drafting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.drafting.Annex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Annexed files and their content. */
@Repository
public class AnnexRepository {

    private final JdbcClient jdbc;

    AnnexRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(UUID oficioId, String fileName, String mediaType, byte[] content, String sha256, long byId,
                       Instant at) {
        return jdbc.sql("""
                        INSERT INTO drafting_annex (oficio_id, file_name, media_type, size_bytes, sha256, content,
                            added_by, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(oficioId, fileName, mediaType, content.length, sha256, content, byId, Timestamp.from(at))
                .query(Long.class).single();
    }

    public List<Annex> of(UUID oficioId) {
        return jdbc.sql("""
                        SELECT a.id, a.file_name, a.media_type, a.size_bytes, a.sha256, p.full_name, a.added_at
                        FROM drafting_annex a JOIN directory_person p ON p.id = a.added_by
                        WHERE a.oficio_id = ? ORDER BY a.id""")
                .param(oficioId)
                .query((rs, n) -> new Annex(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    public long totalBytes(UUID oficioId) {
        return jdbc.sql("SELECT coalesce(sum(size_bytes), 0) FROM drafting_annex WHERE oficio_id = ?").param(oficioId)
                .query(Long.class).single();
    }

    public Optional<byte[]> content(UUID oficioId, long annexId) {
        return jdbc.sql("SELECT content FROM drafting_annex WHERE oficio_id = ? AND id = ?").params(oficioId, annexId)
                .query(byte[].class).optional();
    }

    public Optional<String> name(UUID oficioId, long annexId) {
        return jdbc.sql("SELECT file_name FROM drafting_annex WHERE oficio_id = ? AND id = ?").params(oficioId, annexId)
                .query(String.class).optional();
    }

    public boolean delete(UUID oficioId, long annexId) {
        return jdbc.sql("DELETE FROM drafting_annex WHERE oficio_id = ? AND id = ?").params(oficioId, annexId)
                .update() == 1;
    }
}
