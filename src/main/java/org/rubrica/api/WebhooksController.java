package org.rubrica.api;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.api.internal.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An integration's webhooks: only integration tokens have them (a person's login token gets 403). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
class WebhooksController {

    record NewWebhook(@Schema(example = "https://portal.sanandres.gob.example/rubrica/eventos") String url,
                      @Schema(example = "[\"SENT\", \"RECEIVED\", \"ANSWERED\"]") Set<WebhookEvent> events) {
    }

    record CreatedWebhook(Webhook webhook,
                          @Schema(description = "Signs every call (X-Rubrica-Signature); shown only now") String secret) {
    }

    private final Webhooks webhooks;

    WebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a webhook for events of the integration's unit",
            description = "Each call is a POST of JSON with X-Rubrica-Event, X-Rubrica-Delivery (the call's id, the "
                    + "same on every retry), X-Rubrica-Timestamp (Unix seconds) and X-Rubrica-Signature: sha256= "
                    + "followed by the hex HMAC-SHA256, with the secret, of '<timestamp>.<body>'. Answer 2xx to take "
                    + "it; anything else is retried with growing waits (30 s, 1 min, 2 min… at most an hour), eight "
                    + "attempts in all.")
    CreatedWebhook create(@RequestBody NewWebhook request, Authentication caller) {
        var created = webhooks.create(integration(caller), request.url(), request.events());
        return new CreatedWebhook(created.webhook(), created.secret());
    }

    @GetMapping
    @Operation(summary = "The integration's webhooks")
    List<Webhook> list(Authentication caller) {
        return webhooks.list(integration(caller));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop a webhook; calls still waiting are cancelled, its log stays")
    void delete(@PathVariable long id, Authentication caller) {
        webhooks.delete(integration(caller), id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The webhook's delivery log, newest first: each call's status, attempts and last answer")
    List<WebhookDelivery> deliveries(@PathVariable long id, @RequestParam(defaultValue = "50") int limit,
                                     Authentication caller) {
        return webhooks.deliveries(integration(caller), id, limit);
    }

    private static long integration(Authentication caller) {
        return ApiCaller.integrationId(caller)
                .orElseThrow(() -> new AccessDeniedException("webhooks belong to integration tokens"));
    }
}
