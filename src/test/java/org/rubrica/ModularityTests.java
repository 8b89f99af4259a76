package org.rubrica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/** No module reaches into another's internals, and the allowed dependencies form the declared DAG. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RubricaApplication.class);

    @Test
    void modules_respect_each_others_internals_and_declared_dependencies() {
        modules.verify();
    }

    @Test
    void module_documentation_is_generated() throws IOException {
        Path folder = Path.of("target/spring-modulith-docs"); // Documenter's default
        FileSystemUtils.deleteRecursively(folder);
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .contains("components.puml", "module-drafting.puml", "module-audit.puml");
        }
    }
}
