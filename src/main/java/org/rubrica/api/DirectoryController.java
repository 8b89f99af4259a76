package org.rubrica.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.api.ApiModels.Me;
import org.rubrica.api.ApiModels.UnitRef;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory")
class DirectoryController {

    private final CurrentActor currentActor;
    private final Directory directory;

    DirectoryController(CurrentActor currentActor, Directory directory) {
        this.currentActor = currentActor;
        this.directory = directory;
    }

    @GetMapping("/me")
    @Operation(summary = "Who am I: the token's person, unit and roles")
    Me me() {
        var actor = currentActor.require();
        return new Me(actor.personId(), actor.username(), actor.fullName(), actor.cargo(),
                ref(directory.unit(actor.unitId())),
                actor.memberships().stream().map(m -> m.role().name()).distinct().sorted().toList());
    }

    static UnitRef ref(Unit unit) {
        return new UnitRef(unit.id(), unit.code(), unit.name());
    }
}
