package org.rubrica.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.rubrica.RubricaTest;

/** The interactive API page (Swagger UI) opens without login and reads Rubrica's OpenAPI document. */
@RubricaTest
class ApiDocsPageTests extends ApiTestSupport {

    @Test
    void the_interactive_page_serves_swagger_ui_pointed_at_the_openapi_document() throws Exception {
        mvc.perform(get("/api/v1/docs/index.html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/api/v1/docs/swagger-ui/index.html"));
        mvc.perform(get("/api/v1/docs/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(content().string(containsString("swagger-ui")));
        mvc.perform(get("/api/v1/openapi/swagger-config")).andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/api/v1/openapi"));
        // the catch-all still answers unknown API paths, in JSON
        String bearer = token(org.rubrica.Acting.DRAFTER);
        for (String unknown : new String[] {"/api/v1/nothing-here", "/api/v2/oficios", "/api/v1"}) {
            mvc.perform(get(unknown).header(org.springframework.http.HttpHeaders.AUTHORIZATION, bearer))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").exists());
        }
    }
}
