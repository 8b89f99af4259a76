package org.rubrica.api.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at /api/v1/openapi. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI rubricaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Rubrica API").version("v1")
                        .description("Official correspondence: templates, drafts, sending and inboxes. "
                                + "A person obtains a token at POST /api/v1/auth/token; another system uses an "
                                + "integration token (rbi_…) an organisation administrator made for it on the "
                                + "Integraciones page, scoped to a unit and to permissions. Either goes in "
                                + "'Authorization: Bearer …'."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT or integration token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
