package org.rubrica.templates.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.rubrica.templates.AssetFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for uploaded images. Rows are immutable (a trigger refuses updates and deletes). */
@Repository
public class AssetRepository {

    private final JdbcClient jdbc;

    AssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredAsset(String name, String mediaType, int width, int height, int sizeBytes,
                              String contentHash, String originalName, Instant createdAt) {
    }

    public List<StoredAsset> list() {
        return jdbc.sql("""
                        SELECT name, media_type, width_px, height_px, octet_length(content), content_hash,
                               original_name, created_at
                        FROM templates_asset ORDER BY name""")
                .query((rs, n) -> new StoredAsset(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    public boolean exists(String name) {
        return jdbc.sql("SELECT count(*) FROM templates_asset WHERE name = ?").param(name).query(Integer.class)
                .single() > 0;
    }

    public Optional<String> contentHash(String name) {
        return jdbc.sql("SELECT content_hash FROM templates_asset WHERE name = ?").param(name)
                .query(String.class).optional();
    }

    /** @return {@code false} when the name was taken meanwhile */
    public boolean insert(String name, AssetImages.CheckedImage image, String contentHash, String originalName) {
        return jdbc.sql("""
                        INSERT INTO templates_asset (name, media_type, content, print_png, width_px, height_px,
                            content_hash, original_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING""")
                .params(name, image.mediaType(), image.content(), image.printPng(), image.width(), image.height(),
                        contentHash, originalName)
                .update() == 1;
    }

    /** What the PDF engine prints: the PNG rendition of an SVG, the file itself otherwise. */
    public Optional<byte[]> printable(String name) {
        return jdbc.sql("SELECT coalesce(print_png, content) FROM templates_asset WHERE name = ?").param(name)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** The file as uploaded (an SVG after sanitising), with its media type. */
    public Optional<AssetFile> file(String name) {
        return jdbc.sql("SELECT media_type, content FROM templates_asset WHERE name = ?").param(name)
                .query((rs, n) -> new AssetFile(rs.getString(1), rs.getBytes(2))).optional();
    }
}
