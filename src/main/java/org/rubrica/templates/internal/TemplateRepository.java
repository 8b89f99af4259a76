package org.rubrica.templates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.TemplateListing;
import org.rubrica.templates.TemplateSummary;
import org.rubrica.templates.TemplateVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for base format versions, templates and template versions. */
@Repository
public class TemplateRepository implements VersionSources {

    public static final String PUBLISHED = "PUBLISHED";

    private static final String VERSION_COLUMNS = """
            v.id, t.code, t.kind, v.version_no, v.field_schema::text, v.default_body_html
            FROM templates_template_version v JOIN templates_template t ON t.id = v.template_id""";

    private final JdbcClient jdbc;

    public TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // reading

    /** Every template with a published version, its newest one, ordered by Spanish name. */
    public List<TemplateSummary> publishedTemplates() {
        return jdbc.sql("""
                        SELECT code, kind, name_es, name_en, version_id, version_no FROM (
                            SELECT DISTINCT ON (t.id) t.code, t.kind, t.name_es, t.name_en,
                                   v.id AS version_id, v.version_no
                            FROM templates_template t
                            JOIN templates_template_version v ON v.template_id = t.id AND v.status = 'PUBLISHED'
                            ORDER BY t.id, v.version_no DESC) newest
                        ORDER BY name_es, code""")
                .query((rs, n) -> new TemplateSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getInt(6)))
                .list();
    }

    public Optional<TemplateVersion> newestPublished(String code) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + """
                         WHERE t.code = ? AND v.status = 'PUBLISHED'
                        ORDER BY v.version_no DESC LIMIT 1""")
                .param(code).query(TemplateRepository::version).optional();
    }

    public Optional<TemplateVersion> version(long id) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " WHERE v.id = ?")
                .param(id).query(TemplateRepository::version).optional();
    }

    @Override
    public Optional<VersionSource> find(long versionId) {
        return jdbc.sql("""
                        SELECT v.source, b.source, v.content_hash
                        FROM templates_template_version v JOIN templates_base_format b ON b.id = v.base_format_id
                        WHERE v.id = ?""")
                .param(versionId)
                .query((rs, n) -> new VersionSource(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public Optional<RenderContext> renderContext(long versionId) {
        return jdbc.sql("""
                        SELECT v.field_schema::text, b.settings::text
                        FROM templates_template_version v JOIN templates_base_format b ON b.id = v.base_format_id
                        WHERE v.id = ?""")
                .param(versionId)
                .query((rs, n) -> new RenderContext(
                        FieldSchemaJson.read(rs.getString(1)).stream().map(FieldDefinition::name).toList(),
                        FieldSchemaJson.readSettings(rs.getString(2))))
                .optional();
    }

    private static TemplateVersion version(ResultSet rs, int n) throws SQLException {
        return new TemplateVersion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                FieldSchemaJson.read(rs.getString(5)), rs.getString(6));
    }

    // importing built-ins

    public record StoredBaseFormat(long id, int versionNo, String source, BaseFormatSettings settings,
                                   String contentHash, Instant createdAt) {
    }

    public Optional<StoredBaseFormat> newestBaseFormat() {
        return jdbc.sql("""
                        SELECT id, version_no, source, settings::text, content_hash, created_at FROM templates_base_format
                        ORDER BY version_no DESC LIMIT 1""")
                .query((rs, n) -> new StoredBaseFormat(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        FieldSchemaJson.readSettings(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    public long insertBaseFormat(int versionNo, String source, BaseFormatSettings settings, String contentHash) {
        return jdbc.sql("""
                        INSERT INTO templates_base_format (version_no, source, settings, content_hash)
                        VALUES (?, ?, CAST(? AS jsonb), ?) RETURNING id""")
                .params(versionNo, source, FieldSchemaJson.writeSettings(settings), contentHash)
                .query(Long.class).single();
    }

    /** Serialises changes to the base format (an administrator's save, a start-up import) across nodes. */
    public void lockBaseFormat() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('templates.base-format'))").query().singleRow();
    }

    /** Each template's newest published version, for moving them onto a new base format. */
    public List<StoredVersion> newestPublishedVersions() {
        return jdbc.sql("SELECT DISTINCT ON (t.id) " + STORED_COLUMNS
                        + " WHERE v.status = 'PUBLISHED' ORDER BY t.id, v.version_no DESC")
                .query(TemplateRepository::stored).list();
    }

    /** Pending drafts follow the newest base format: they are not published, so nothing pinned them. */
    public void moveDraftsToBaseFormat(long baseFormatId) {
        jdbc.sql("UPDATE templates_template_version SET base_format_id = ? WHERE status = 'DRAFT' AND base_format_id <> ?")
                .params(baseFormatId, baseFormatId).update();
    }

    public Optional<Long> templateId(String code) {
        return jdbc.sql("SELECT id FROM templates_template WHERE code = ?").param(code).query(Long.class).optional();
    }

    public long insertTemplate(String code, String kind, String nameEs, String nameEn) {
        return jdbc.sql("""
                        INSERT INTO templates_template (code, kind, name_es, name_en)
                        VALUES (?, ?, ?, ?) RETURNING id""")
                .params(code, kind, nameEs, nameEn).query(Long.class).single();
    }

    /** Names are labels, not content: they change in place and do not make a new version. */
    void updateTemplateNames(long templateId, String nameEs, String nameEn) {
        jdbc.sql("""
                        UPDATE templates_template SET name_es = ?, name_en = ?
                        WHERE id = ? AND (name_es, name_en) IS DISTINCT FROM (?, ?)""")
                .params(nameEs, nameEn, templateId, nameEs, nameEn).update();
    }

    Optional<String> builtinHash(long templateId) {
        return jdbc.sql("SELECT builtin_hash FROM templates_template WHERE id = ?").param(templateId)
                .query(String.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    void rememberBuiltinImport(long templateId, String hash) {
        jdbc.sql("UPDATE templates_template SET builtin_hash = ? WHERE id = ?").params(hash, templateId).update();
    }

    public int nextVersionNo(long templateId) {
        return jdbc.sql("SELECT coalesce(max(version_no), 0) + 1 FROM templates_template_version WHERE template_id = ?")
                .param(templateId).query(Integer.class).single();
    }

    public long insertPublishedVersion(long templateId, int versionNo, String source, String fieldSchemaJson,
                                String defaultBodyHtml, long baseFormatId, String contentHash) {
        return jdbc.sql("""
                        INSERT INTO templates_template_version (template_id, version_no, status, source, field_schema,
                            default_body_html, base_format_id, content_hash, published_at)
                        VALUES (?, ?, 'PUBLISHED', ?, CAST(? AS jsonb), ?, ?, ?, now()) RETURNING id""")
                .params(templateId, versionNo, source, fieldSchemaJson, defaultBodyHtml, baseFormatId, contentHash)
                .query(Long.class).single();
    }

    // administration

    public record StoredVersion(long id, long templateId, String code, String kind, String nameEs, String nameEn,
                                int versionNo, String status, String source, String fieldSchemaJson,
                                String defaultBodyHtml, Instant publishedAt) {
    }

    private static final String STORED_COLUMNS = """
            v.id, t.id, t.code, t.kind, t.name_es, t.name_en, v.version_no, v.status, v.source, v.field_schema::text,
            v.default_body_html, v.published_at
            FROM templates_template_version v JOIN templates_template t ON t.id = v.template_id""";

    /** The draft if there is one, else the newest published version. */
    public Optional<StoredVersion> editable(String code) {
        return jdbc.sql("SELECT " + STORED_COLUMNS
                        + " WHERE t.code = ? ORDER BY (v.status = 'DRAFT') DESC, v.version_no DESC LIMIT 1")
                .param(code).query(TemplateRepository::stored).optional();
    }

    public Optional<StoredVersion> stored(String code, int versionNo) {
        return jdbc.sql("SELECT " + STORED_COLUMNS + " WHERE t.code = ? AND v.version_no = ?")
                .params(code, versionNo).query(TemplateRepository::stored).optional();
    }

    public List<StoredVersion> history(String code) {
        return jdbc.sql("SELECT " + STORED_COLUMNS + " WHERE t.code = ? ORDER BY v.version_no DESC")
                .param(code).query(TemplateRepository::stored).list();
    }

    public void deleteDraft(long templateId) {
        jdbc.sql("DELETE FROM templates_template_version WHERE template_id = ? AND status = 'DRAFT'")
                .param(templateId).update();
    }

    public long insertDraft(long templateId, int versionNo, String source, String fieldSchemaJson,
                            String defaultBodyHtml, long baseFormatId, String contentHash) {
        return jdbc.sql("""
                        INSERT INTO templates_template_version (template_id, version_no, status, source, field_schema,
                            default_body_html, base_format_id, content_hash)
                        VALUES (?, ?, 'DRAFT', ?, CAST(? AS jsonb), ?, ?, ?) RETURNING id""")
                .params(templateId, versionNo, source, fieldSchemaJson, defaultBodyHtml, baseFormatId, contentHash)
                .query(Long.class).single();
    }

    /** Publishes a draft as the newest version, even if a version was published after the draft was saved. */
    public Optional<Integer> publishDraft(long versionId) {
        return jdbc.sql("""
                        UPDATE templates_template_version v SET status = 'PUBLISHED', published_at = now(),
                            version_no = (SELECT max(o.version_no) + 1 FROM templates_template_version o
                                          WHERE o.template_id = v.template_id)
                        WHERE v.id = ? AND v.status = 'DRAFT' RETURNING v.version_no""")
                .param(versionId).query(Integer.class).optional();
    }

    /** Serialises changes to one template's versions (saves, publishing, imports) across sessions and nodes. */
    public void lockTemplate(long templateId) {
        jdbc.sql("SELECT id FROM templates_template WHERE id = ? FOR UPDATE").param(templateId).query(Long.class).single();
    }

    public long newestBaseFormatId() {
        return newestBaseFormat().orElseThrow().id();
    }

    public String newestBaseFormatHash() {
        return newestBaseFormat().orElseThrow().contentHash();
    }

    private static StoredVersion stored(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp published = rs.getTimestamp(12);
        return new StoredVersion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                published == null ? null : published.toInstant());
    }

    // portability

    public Optional<String> kindOf(String code) {
        return jdbc.sql("SELECT kind FROM templates_template WHERE code = ?").param(code).query(String.class).optional();
    }

    public String baseFormatSourceOf(long versionId) {
        return jdbc.sql("""
                        SELECT b.source FROM templates_template_version v
                        JOIN templates_base_format b ON b.id = v.base_format_id WHERE v.id = ?""")
                .param(versionId).query(String.class).single();
    }

    public BaseFormatSettings baseFormatSettingsOf(long versionId) {
        return jdbc.sql("""
                        SELECT b.settings::text FROM templates_template_version v
                        JOIN templates_base_format b ON b.id = v.base_format_id WHERE v.id = ?""")
                .param(versionId).query((rs, n) -> FieldSchemaJson.readSettings(rs.getString(1))).single();
    }

    /** Every template, drafts-only ones included, ordered by Spanish name. */
    public List<TemplateListing> listings() {
        return jdbc.sql("""
                        SELECT t.code, t.kind, t.name_es, t.name_en, max(v.version_no),
                               bool_or(v.status = 'DRAFT')
                        FROM templates_template t JOIN templates_template_version v ON v.template_id = t.id
                        GROUP BY t.id ORDER BY t.name_es, t.code""")
                .query((rs, n) -> new TemplateListing(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getBoolean(6)))
                .list();
    }

    // availability

    /** Units a template is granted to; empty means everyone. */
    public Set<Long> availability(long templateId) {
        return new HashSet<>(jdbc.sql("SELECT unit_id FROM templates_availability WHERE template_id = ?")
                .param(templateId).query(Long.class).list());
    }

    public void replaceAvailability(long templateId, Collection<Long> unitIds) {
        jdbc.sql("DELETE FROM templates_availability WHERE template_id = ?").param(templateId).update();
        for (Long unitId : unitIds) {
            jdbc.sql("INSERT INTO templates_availability (template_id, unit_id) VALUES (?, ?)")
                    .params(templateId, unitId).update();
        }
    }

    /** Codes of the templates someone in a unit with this path (the unit and those above it) may start from. */
    public Set<String> availableCodes(Collection<Long> unitPath) {
        Long[] path = unitPath.toArray(Long[]::new);
        return new HashSet<>(jdbc.sql("""
                        SELECT t.code FROM templates_template t
                        WHERE NOT EXISTS (SELECT 1 FROM templates_availability a WHERE a.template_id = t.id)
                           OR EXISTS (SELECT 1 FROM templates_availability a
                                      WHERE a.template_id = t.id AND a.unit_id = ANY (?))""")
                .param(path).query(String.class).list());
    }
}
