package org.rubrica.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rubrica.RubricaTest;
import org.rubrica.api.ApiPermission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every call in the OpenAPI document that changes something names the permission an integration token needs for
 * it, so a new endpoint cannot be left out by mistake (it would be refused to every integration).
 */
@RubricaTest
class ApiPermissionRulesTests {

    /** A person's own business, never an integration's: refused to every integration token. */
    private static final Set<String> PERSONAL = Set.of("POST /api/v1/auth/token", "POST /api/v1/delegations",
            "DELETE /api/v1/delegations/{id}");

    @Autowired WebApplicationContext context;

    @Test
    void every_change_in_the_openapi_document_needs_a_named_permission() throws Exception {
        String document = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(get("/api/v1/openapi")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        List<String> unmapped = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            String call = method.toUpperCase() + " " + path;
            if (!PERSONAL.contains(call) && !path.startsWith("/api/v1/verification")
                    && ApiPermissionRules.required(method.toUpperCase(), path).isEmpty()) {
                unmapped.add(call);
            }
        }));
        assertThat(unmapped).isEmpty();
        assertThat(paths).containsKey("/api/v1/oficios/{id}/send");
        assertThat(ApiPermissionRules.required("POST", "/api/v1/oficios/{id}/send")).contains(ApiPermission.SEND);
        assertThat(ApiPermissionRules.required("GET", "/api/v1/oficios/{id}/trail")).contains(ApiPermission.READ);
        assertThat(ApiPermissionRules.required("POST", "/api/v1/delegations")).isEmpty();
    }
}
