package org.rubrica.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The exchange's doors: this installation's node certificate is public; registering another installation is for
 * organisation administrators; the open door for acknowledgements refuses what it cannot read, in the caller's
 * language, and holds one address to its arrivals per minute.
 */
@RubricaTest
class ExchangeApiTests extends ApiTestSupport {

    @Test
    void the_node_is_public_registration_is_for_administrators_and_the_open_door_is_rate_limited() throws Exception {
        mvc.perform(get("/api/v1/exchange/node")).andExpect(status().isOk())
                .andExpect(jsonPath("$.certificate", Matchers.startsWith("-----BEGIN CERTIFICATE-----")));
        mvc.perform(put("/api/v1/exchange/nodes/OTRA").header(HttpHeaders.AUTHORIZATION, token(Acting.DRAFTER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Otra\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/exchange/acknowledgements").contentType(MediaType.APPLICATION_XML)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").content("<no/>"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("exchange.refused.MALFORMED"))
                .andExpect(jsonPath("$.detail").value("The envelope could not be read."));
        for (int i = 1; i < 120; i++) {
            mvc.perform(post("/api/v1/exchange/acknowledgements").contentType(MediaType.APPLICATION_XML)
                    .content("<no/>")).andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/api/v1/exchange/acknowledgements").contentType(MediaType.APPLICATION_XML).content("<no/>"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.code").value("exchange.too-many"));
    }
}
