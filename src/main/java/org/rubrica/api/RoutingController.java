package org.rubrica.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.routing.RouteModels;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routes: plan, submit, decide, and the work waiting for me. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Routing")
class RoutingController {

    record DecisionRequest(@Schema(example = "APPROVED") RouteModels.Decision decision,
                           @Schema(example = "Procede.") String comment) {
    }

    /** A route as an integrator would send it: a review by two people (either may approve), then a signature. */
    static final String STEPS_EXAMPLE = """
            [{"kind": "REVIEW", "mode": "ANY", "personIds": [21, 22], "dueAt": "2026-12-04T23:59:00Z"},
             {"kind": "SIGN", "mode": "ALL", "personIds": [20], "dueAt": null}]""";

    private final RoutingService routing;

    RoutingController(RoutingService routing) {
        this.routing = routing;
    }

    @GetMapping("/oficios/{id}/route")
    @Operation(summary = "The route with this round's decisions")
    RouteModels.RouteView route(@PathVariable String id) {
        return routing.route(NotFoundException.parseId(id, "oficio"));
    }

    @PutMapping("/oficios/{id}/route")
    @Operation(summary = "Set the route of a draft (owner): ordered review and sign steps, each with its people")
    RouteModels.RouteView setRoute(@PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(STEPS_EXAMPLE))) @RequestBody List<RouteModels.StepPlan> steps) {
        var oficioId = NotFoundException.parseId(id, "oficio");
        routing.setRoute(oficioId, steps);
        return routing.route(oficioId);
    }

    @PostMapping("/oficios/{id}/route/submit")
    @Operation(summary = "Submit the draft along its route (it needs a sign step)")
    RouteModels.RouteView submit(@PathVariable String id) {
        var oficioId = NotFoundException.parseId(id, "oficio");
        routing.submit(oficioId);
        return routing.route(oficioId);
    }

    @PostMapping("/oficios/{id}/route/decision")
    @Operation(summary = "Approve, request changes or reject at the step waiting for me (a comment is required unless approving)")
    RouteModels.RouteView decide(@PathVariable String id, @RequestBody DecisionRequest request) {
        var oficioId = NotFoundException.parseId(id, "oficio");
        routing.decide(oficioId, request.decision(), request.comment());
        return routing.route(oficioId);
    }

    @PutMapping("/route-presets")
    @Operation(summary = "Set my unit's usual route (signers), for one template or, without template, for all drafts")
    List<RouteModels.StepPlan> savePreset(@RequestParam(required = false) String template,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(STEPS_EXAMPLE))) @RequestBody List<RouteModels.StepPlan> steps) {
        routing.savePreset(template, steps);
        return steps;
    }

    @GetMapping("/oficios/{id}/route/preset")
    @Operation(summary = "The route a draft would start with: its unit's preset for its template, else the general one")
    List<RouteModels.StepPlan> preset(@PathVariable String id) {
        return routing.presetFor(NotFoundException.parseId(id, "oficio"));
    }

    @GetMapping("/pending")
    @Operation(summary = "Reviews and signatures waiting for me (and for heads I stand in for) and received oficios "
            + "turned to me: one page, filtered (work REVIEW, SIGN or ASSIGNED, words of the subject, overdue, urgent) and ordered (DUE, WAITING_SINCE, PRIORITY, "
            + "SUBJECT; soonest due first by default); limit 1–500, default 50. The total is in X-Total-Count.")
    ResponseEntity<List<RouteModels.PendingItem>> pending(@RequestParam(defaultValue = "50") int limit,
                                                          @RequestParam(defaultValue = "0") int offset,
                                                          @RequestParam(required = false) RouteModels.Work work,
                                                          @RequestParam(required = false) String q,
                                                          @RequestParam(defaultValue = "false") boolean overdue,
                                                          @RequestParam(defaultValue = "false") boolean urgent,
                                                          @RequestParam(defaultValue = "DUE") RouteModels.PendingOrder order,
                                                          @RequestParam(defaultValue = "false") boolean descending) {
        var query = new RouteModels.PendingQuery(work, q, overdue, urgent, order, descending);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(routing.countMyPending(query)))
                .body(routing.myPending(query, offset, limit));
    }
}
