package org.rubrica.api;

import org.rubrica.drafting.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of the API, kept apart from the services' records so either can change on its own. */
public final class ApiModels {

    private ApiModels() {
    }

    @Schema(description = "User name and password of a person of the institution")
    public record TokenRequest(@Schema(example = "mlopez") String username,
                               @Schema(example = "Rubrica.2026") String password) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {
    }

    public record UnitRef(long id, String code, String name) {
    }

    public record Me(long id, String username, String fullName, String cargo, UnitRef unit, List<String> roles) {
    }

    public record TemplateField(String name, String label, String type, boolean required, Integer maxLength,
                                String pattern) {
    }

    public record Template(String code, String kind, String name, long versionId, int versionNo,
                           List<TemplateField> fields) {
    }

    public record TemplateVersionEntry(long id, int versionNo, boolean published, Instant publishedAt) {
    }

    public record TemplateVersionDetail(String code, long id, int versionNo, boolean published, String source,
                                        List<TemplateField> fields, String defaultBody) {
    }

    @Schema(description = "Values to preview a template with: recipient unit, subject, body and template fields")
    public record PreviewRequest(@Schema(example = "SEC/DGE") String recipientUnitCode,
                                 @Schema(description = "Instead of the code", example = "14") Long recipientUnitId,
                                 @Schema(example = "Asunto de prueba") String subject,
                                 @Schema(example = "<p>Texto</p>") String body, Map<String, String> fields) {
    }

    @Schema(description = "A new draft: template code, recipient unit (by id or code), subject, body and template fields")
    public record NewOficio(@Schema(example = "oficio") String template,
                            @Schema(example = "14") Long recipientUnitId,
                            @Schema(example = "SEC/DGE") String recipientUnitCode,
                            @Schema(example = "Solicitud de información sobre escuelas") String subject,
                            @Schema(description = "Rich text (paragraphs, headings, bold, italic, underline, lists, tables, links); anything else is removed",
                                    example = "<p>Por medio del presente, solicito…</p>") String body,
                            Map<String, String> fields,
                            @Schema(description = "NORMAL (default) or URGENT") Priority priority) {
    }

    public record Oficio(UUID id, String status, String template, String kind, String subject, UnitRef senderUnit,
                         String author, UnitRef recipientUnit, String number, String body, Map<String, String> fields,
                         Instant createdAt, Instant updatedAt, Instant sentAt, int version, Priority priority,
                         @Schema(description = "Present once the oficio was annulled") AnnulmentInfo annulment) {
    }

    public record AnnulmentInfo(String reason, Instant at, String by) {
    }

    public record AnnulmentRequest(@Schema(example = "Se emitió con un destinatario equivocado; se sustituye por otro oficio.") String reason) {
    }

    public record AssignmentRequest(
            @Schema(description = "The receiving unit that assigns; may be left out when the caller receives for only one of the oficio's units",
                    example = "14") Long unitId,
            @Schema(example = "[31, 32]") List<Long> assigneeIds,
            @Schema(example = "Prepare la respuesta con los datos del padrón.") String instructions,
            @Schema(description = "Optional; not in the past", example = "2026-12-09T23:59:00Z") Instant dueAt) {
    }

    public record PriorityChange(@Schema(description = "NORMAL or URGENT", example = "URGENT") Priority priority) {
    }

    public record InboxEntry(UUID oficioId, String kind, String subject, String senderUnit, String author,
                             UnitRef unit, Instant deliveredAt, Instant readAt, String readBy, boolean annulled,
                             String addressing, boolean forMe, String entryNumber, boolean answered, boolean archived,
                             String forwardedFrom, java.util.List<String> tags) {
    }

    /** Whose receipt to register, archive, or tag: one of the units I receive for (optional when only one). */
    public record UnitAction(@Schema(example = "14") Long unitId) {
    }

    public record ForwardRequest(@Schema(description = "The unit that received it", example = "14") Long fromUnitId,
                                 @Schema(description = "The unit that should attend it", example = "15") Long toUnitId,
                                 @Schema(example = "Corresponde a la Dirección de Cultura.") String note) {
    }

    public record TagsRequest(@Schema(example = "14") Long unitId,
                              @Schema(example = "[\"becas\", \"2027\"]") java.util.List<String> tags) {
    }

    /** A recipient besides the addressee: a unit (by id or code) or a person (by id), addressed (TO) or copied (CC). */
    public record RecipientRequest(@Schema(description = "TO or CC", example = "CC") String addressing,
                                   @Schema(description = "A unit by id…", example = "15") Long unitId,
                                   @Schema(description = "…or by code", example = "SEC/DCU") String unitCode,
                                   @Schema(description = "Or a person, by id", example = "31") Long personId) {
    }

    public record ConfidentialityChange(@Schema(example = "true") boolean confidential) {
    }

    public record Created(UUID id) {
    }
}
