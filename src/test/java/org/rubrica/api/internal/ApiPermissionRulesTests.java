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
            "DELETE /api/v1/delegations/{id}", "PUT /api/v1/exchange/nodes/{code}",
            // public: another installation's envelope proves itself by its signature
            "POST /api/v1/exchange/envelopes", "POST /api/v1/exchange/acknowledgements");

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

    /**
     * Every operation says what it does, and every JSON body it takes comes with an example an integrator can send
     * as it is from the interactive page.
     */
    @Test
    void every_operation_has_a_summary_and_every_json_body_an_example() throws Exception {
        String document = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(get("/api/v1/openapi")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
        Map<String, Map<String, Object>> schemas = JsonPath.read(document, "$.components.schemas");
        List<String> unsummarised = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String call = method.toUpperCase() + " " + path;
            if (operation.get("summary") == null) {
                unsummarised.add(call);
            }
            Object json = operation.get("requestBody") == null ? null
                    : JsonPath.read(operation.get("requestBody"), "$.content") instanceof Map<?, ?> content
                            ? content.get("application/json") : null;
            if (json instanceof Map<?, ?> media && media.get("example") == null && media.get("examples") == null
                    && !hasExample(media.get("schema"), schemas)) {
                withoutExample.add(call + " " + missingExamples(media.get("schema"), schemas, ""));
            }
        }));
        assertThat(unsummarised).as("operations without a summary").isEmpty();
        assertThat(withoutExample).as("JSON bodies without an example").isEmpty();
    }

    /**
     * An example for the whole body, or one for each of its values (Swagger UI puts them together): nested objects
     * and list items by the same rule, a choice by its listed values; a free map of values needs none.
     */
    private static boolean hasExample(Object schema, Map<String, Map<String, Object>> schemas) {
        return missingExamples(schema, schemas, "").isEmpty();
    }

    private static List<String> missingExamples(Object schema, Map<String, Map<String, Object>> schemas, String at) {
        if (!(schema instanceof Map<?, ?> s) || s.get("example") != null || s.get("enum") != null) {
            return List.of();
        }
        if (s.get("$ref") instanceof String ref) {
            return missingExamples(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas, at);
        }
        if (s.get("items") != null) {
            return missingExamples(s.get("items"), schemas, at + "[]");
        }
        if (s.get("properties") instanceof Map<?, ?> properties) {
            List<String> missing = new ArrayList<>();
            properties.forEach((name, property) -> missing.addAll(missingExamples(property, schemas, at + "." + name)));
            return missing;
        }
        return "object".equals(s.get("type")) ? List.of() : List.of(at);
    }
}
