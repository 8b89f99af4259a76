package org.rubrica.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.drafting.DocxService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The review API: an external client can take a draft through suggestions, decisions, comments and Word. */
@RubricaTest
class ReviewApiTests extends ApiTestSupport {


    private String json(String auth, org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void a_draft_goes_through_suggestions_decisions_comments_revisions_and_word_over_the_api() throws Exception {
        String owner = token(Acting.DRAFTER);
        String reviewer = token(Acting.OTHER_UNIT_DRAFTER);
        String created = mvc.perform(post("/api/v1/oficios").header(HttpHeaders.AUTHORIZATION, owner)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"template":"oficio","recipientUnitCode":"SEC/DGE","subject":"Bacheo",
                                 "body":"<p>Se solicita el informe mensual.</p>"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String base = "/api/v1/oficios/" + id;

        mvc.perform(post(base + "/invitations").header(HttpHeaders.AUTHORIZATION, owner).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + acting.personId(Acting.OTHER_UNIT_DRAFTER) + ",\"access\":\"EDITOR\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].access").value("EDITOR"));

        String working = mvc.perform(get(base + "/working").header(HttpHeaders.AUTHORIZATION, reviewer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("EDITOR"))
                .andReturn().getResponse().getContentAsString();
        int baseVersion = JsonPath.read(working, "$.baseVersion");
        mvc.perform(post(base + "/suggestions").header(HttpHeaders.AUTHORIZATION, reviewer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Bacheo 2026\",\"body\":\"<p>Se solicita el informe trimestral.</p><script>x</script>\","
                                + "\"baseVersion\":" + baseVersion + ",\"note\":\"por API\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pendingChanges").value(2));
        // a reviewer cannot decide, and cannot write the base
        mvc.perform(post(base + "/changes/accept-all").header(HttpHeaders.AUTHORIZATION, reviewer))
                .andExpect(status().isForbidden());
        mvc.perform(put(base).header(HttpHeaders.AUTHORIZATION, reviewer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"x\",\"body\":\"<p>x</p>\",\"baseVersion\":" + baseVersion + "}"))
                .andExpect(status().isForbidden());

        String changes = mvc.perform(get(base + "/changes").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changes", hasSize(2)))
                .andExpect(jsonPath("$.authors[0].pending").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(changes, "$.redlineHtml")).contains("<ins", "trimestral").doesNotContain("script");
        List<Integer> bodyChange = JsonPath.read(changes, "$.changes[?(@.target == 'BODY')].id");
        List<Integer> subjectChange = JsonPath.read(changes, "$.changes[?(@.target == 'SUBJECT')].id");
        mvc.perform(post(base + "/changes/" + bodyChange.getFirst() + "/accept").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isOk());
        mvc.perform(post(base + "/changes/" + subjectChange.getFirst() + "/reject").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changes[?(@.status == 'REJECTED')].added", hasItem("Bacheo 2026")));
        mvc.perform(post(base + "/changes/" + subjectChange.getFirst() + "/reject").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("change.already-decided"));
        mvc.perform(get(base).header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(jsonPath("$.body").value("<p>Se solicita el informe trimestral.</p>"))
                .andExpect(jsonPath("$.subject").value("Bacheo"));

        mvc.perform(post(base + "/comments").header(HttpHeaders.AUTHORIZATION, reviewer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quote\":\"informe trimestral\",\"text\":\"¿Con anexos?\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].opening.quote").value("informe trimestral"));
        String threads = json(owner, get(base + "/comments").header(HttpHeaders.AUTHORIZATION, owner), 200);
        int thread = JsonPath.read(threads, "$[0].opening.id");
        mvc.perform(post(base + "/comments/" + thread + "/replies").header(HttpHeaders.AUTHORIZATION, owner)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Sí.\"}"))
                .andExpect(jsonPath("$[0].replies[0].text").doesNotExist())
                .andExpect(jsonPath("$[0].replies[0].body").value("Sí."));
        mvc.perform(post(base + "/comments/" + thread + "/resolve").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(jsonPath("$[0].opening.resolved").value(true));

        mvc.perform(get(base + "/revisions").header(HttpHeaders.AUTHORIZATION, reviewer))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].kind", hasItem("SUGGESTED")));
        mvc.perform(get(base + "/revisions/compare?from=1&to=3").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isOk()).andExpect(jsonPath("$.redlineHtml").value(org.hamcrest.Matchers.containsString("trimestral")));

        byte[] docx = mvc.perform(get(base + "/docx").header(HttpHeaders.AUTHORIZATION, owner))
                .andExpect(status().isOk()).andExpect(content().contentType(DocxService.MEDIA_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(docx, 0, 2)).isEqualTo("PK");
        mvc.perform(post(base + "/docx?fileName=igual.docx").header(HttpHeaders.AUTHORIZATION, owner)
                        .contentType(DocxService.MEDIA_TYPE).content(docx))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changes").value(0));
        mvc.perform(post(base + "/docx?fileName=macros.docm").header(HttpHeaders.AUTHORIZATION, owner)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "es").contentType(DocxService.MEDIA_TYPE).content(docx))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("docx.macros"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(".docm")));
        mvc.perform(post(base + "/docx").header(HttpHeaders.AUTHORIZATION, owner)
                        .contentType(DocxService.MEDIA_TYPE).content(new byte[12 * 1024 * 1024]))
                .andExpect(status().isPayloadTooLarge());
    }
}
