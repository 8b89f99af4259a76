package org.rubrica;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** No module reaches into another's internals, and the allowed dependencies form the declared DAG. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RubricaApplication.class);

    @Test
    void modules_respect_each_others_internals_and_declared_dependencies() {
        modules.verify();
    }

    @Test
    void module_documentation_is_generated() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
