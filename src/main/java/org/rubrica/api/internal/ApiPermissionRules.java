package org.rubrica.api.internal;

import java.util.List;
import java.util.Optional;

import org.rubrica.api.ApiPermission;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which {@link ApiPermission} each API request needs from an integration token: reading needs READ; each change
 * is listed here with its own. A change not listed is refused to every integration token (a person's own settings,
 * such as delegations, are not for other systems).
 */
final class ApiPermissionRules {

    private record Rule(HttpMethod method, PathPattern path, ApiPermission permission) {
    }

    private static final List<Rule> RULES = List.of(
            rule("POST", "/api/v1/oficios", ApiPermission.DRAFT),
            rule("PUT", "/api/v1/oficios/{id}", ApiPermission.DRAFT),
            rule("PUT", "/api/v1/oficios/{id}/{part:recipients|confidential|priority|route}", ApiPermission.DRAFT),
            rule("POST", "/api/v1/oficios/{id}/{part:suggestions|invitations|docx|annexes}", ApiPermission.DRAFT),
            rule("POST", "/api/v1/oficios/{id}/changes/**", ApiPermission.DRAFT),
            rule("POST", "/api/v1/oficios/{id}/comments/**", ApiPermission.DRAFT),
            rule("DELETE", "/api/v1/oficios/{id}/{part:invitations|annexes}/{item}", ApiPermission.DRAFT),
            rule("POST", "/api/v1/oficios/{id}/route/submit", ApiPermission.DRAFT),
            rule("PUT", "/api/v1/route-presets", ApiPermission.DRAFT),
            rule("POST", "/api/v1/oficios/{id}/route/decision", ApiPermission.APPROVE),
            rule("POST", "/api/v1/oficios/{id}/{action:sign|annulment}", ApiPermission.SIGN),
            rule("POST", "/api/v1/signing-batches", ApiPermission.SIGN),
            rule("POST", "/api/v1/oficios/{id}/send", ApiPermission.SEND),
            rule("POST", "/api/v1/oficios/{id}/{action:receipts|forward|archive|reply|assignments}",
                    ApiPermission.RECEIVE),
            rule("POST", "/api/v1/oficios/{id}/assignments/attended", ApiPermission.RECEIVE),
            rule("DELETE", "/api/v1/oficios/{id}/assignments/{unitId}/{personId}", ApiPermission.RECEIVE),
            rule("PUT", "/api/v1/oficios/{id}/tags", ApiPermission.RECEIVE),
            rule("POST", "/api/v1/templates/{code}/preview", ApiPermission.READ),
            rule("POST", "/api/v1/webhooks", ApiPermission.WEBHOOKS),
            rule("DELETE", "/api/v1/webhooks/{id}", ApiPermission.WEBHOOKS));

    private ApiPermissionRules() {
    }

    private static Rule rule(String method, String pattern, ApiPermission permission) {
        return new Rule(HttpMethod.valueOf(method), PathPatternParser.defaultInstance.parse(pattern), permission);
    }

    /** The permission the request needs, or empty when no integration token may make it. */
    static Optional<ApiPermission> required(String method, String path) {
        HttpMethod verb = HttpMethod.valueOf(method);
        if (verb == HttpMethod.GET || verb == HttpMethod.HEAD) {
            return Optional.of(ApiPermission.READ);
        }
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(r -> r.method().equals(verb) && r.path().matches(container))
                .map(Rule::permission).findFirst();
    }
}
