package org.rubrica.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.directory.Delegations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Suplencias: delegate reviewing and/or signing for some days, list them, end one early. */
@RestController
@RequestMapping("/api/v1/delegations")
@Tag(name = "Routing")
class DelegationsController {

    record NewDelegation(@Schema(example = "17") long substituteId, @Schema(example = "true") Boolean reviews,
                         @Schema(example = "true") Boolean signs, @Schema(example = "2026-12-01") LocalDate startsOn,
                         @Schema(example = "2026-12-08") LocalDate endsOn) {
    }

    private final Delegations delegations;

    DelegationsController(Delegations delegations) {
        this.delegations = delegations;
    }

    @GetMapping
    @Operation(summary = "My delegations, given and received")
    List<Delegations.Delegation> mine() {
        return delegations.mine();
    }

    @PostMapping
    @Operation(summary = "Delegate my reviews and/or signing to a substitute for a range of days (both included)")
    List<Delegations.Delegation> delegate(@RequestBody NewDelegation request) {
        delegations.delegate(request.substituteId(), Boolean.TRUE.equals(request.reviews()),
                Boolean.TRUE.equals(request.signs()), request.startsOn(), request.endsOn());
        return delegations.mine();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "End one of my delegations now")
    List<Delegations.Delegation> revoke(@PathVariable long id) {
        delegations.revoke(id);
        return delegations.mine();
    }
}
