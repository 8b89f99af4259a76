package org.rubrica.drafting.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rubrica.templates.RichText;

class BodyTextTests {

    private static List<BodyToken> t(String html) {
        return BodyTokens.tokenize(RichText.sanitize(html));
    }

    @Test
    void tokens_round_trip_through_html_for_every_part_of_the_subset() {
        String html = "<h2>Asunto</h2><p>Con <b>fundamento</b> en el <a href=\"https://x.mx/a?b=1&amp;c=2\">artículo"
                + " 5</a>, <i>se</i> <u>solicita</u>:<br/>línea</p><p></p><ul><li>uno</li><li><p>dos</p><p>tres</p></li></ul>"
                + "<ol><li>a</li></ol><ul><li>otra lista</li></ul>"
                + "<table><tbody><tr><th>Clave</th><th>Monto</th></tr><tr><td>A&lt;1</td><td>$ 1,000.00</td></tr></tbody></table>"
                + "<table><tbody><tr><td>segunda</td></tr></tbody></table><p>fin.</p>";
        List<BodyToken> tokens = t(html);
        String written = BodyTokens.toHtml(tokens);
        assertThat(BodyTokens.tokenize(written)).isEqualTo(tokens);
        assertThat(written).contains("<b>fundamento</b>", "<u>solicita</u>", "<br />", "<p></p>",
                "<li>dos<br />tres</li>", "</ul><ol><li>a</li></ol><ul>", "<th>Clave</th><th>Monto</th></tr><tr><td>A&lt;1</td>",
                "</table><table>", "href=\"https://x.mx/a?b=1&amp;c=2\"");
        assertThat(RichText.sanitize(written)).isEqualTo(written); // what we write is already inside the subset
    }

    @Test
    void whitespace_between_blocks_is_layout_and_runs_of_spaces_collapse() {
        assertThat(t("<p>  a   b </p>\n\n  <p>c</p>")).isEqualTo(t("<p>a b </p><p>c</p>"));
        assertThat(BodyTokens.plainText(t("<p>a\u00a0b</p><p>c<br/>d</p>"))).isEqualTo("a\u00a0b\n\nc\nd");
    }

    @Test
    void a_diff_applied_gives_the_new_body_and_phrases_stay_one_change() {
        List<BodyToken> before = t("<p>Se solicita el informe del mes de octubre.</p><p>Atentamente.</p>");
        List<BodyToken> after = t("<p>Se requiere el informe detallado del mes de noviembre.</p><p>Atentamente.</p>");
        List<Hunk> hunks = BodyDiff.diff(before, after);
        assertThat(BodyDiff.apply(before, hunks)).isEqualTo(after);
        assertThat(hunks).hasSize(3);
        List<BodyToken> b2 = t("<p>the red car stops</p>");
        List<Hunk> phrase = BodyDiff.diff(b2, t("<p>a blue bus stops</p>"));
        assertThat(phrase).hasSize(1);
        assertThat(BodyTokens.plainText(phrase.getFirst().inserted())).isEqualTo("a blue bus");
    }

    @Test
    void a_change_after_an_edit_moves_with_it_and_one_inside_it_becomes_a_conflict_that_keeps_its_text() {
        List<BodyToken> base = t("<p>uno dos tres cuatro cinco</p>");
        // a reviewer replaces "cuatro" and another "dos"
        Hunk cuatro = BodyDiff.diff(base, t("<p>uno dos tres CUATRO cinco</p>")).getFirst();
        Hunk dos = BodyDiff.diff(base, t("<p>uno DOS tres cuatro cinco</p>")).getFirst();
        // meanwhile the owner rewrote "dos tres" as "2 3 y"
        List<BodyToken> newer = t("<p>uno 2 3 y cuatro cinco</p>");
        List<Hunk> edits = BodyDiff.diff(base, newer);

        BodyDiff.Rebased moved = BodyDiff.rebase(cuatro, edits, base);
        assertThat(moved.conflict()).isFalse();
        assertThat(BodyTokens.plainText(BodyDiff.apply(newer, List.of(moved.hunk())))).isEqualTo("uno 2 3 y CUATRO cinco");

        BodyDiff.Rebased clash = BodyDiff.rebase(dos, edits, base);
        assertThat(clash.conflict()).isTrue();
        assertThat(BodyTokens.plainText(BodyDiff.apply(newer, List.of(clash.hunk())))).isEqualTo("uno DOS tres cuatro cinco");
    }

    @Test
    void several_edits_in_one_changed_passage_become_one_conflict_that_keeps_them_all() {
        List<BodyToken> base = t("<p>uno dos tres cuatro cinco seis</p>");
        List<Hunk> mine = BodyDiff.diff(base, t("<p>uno DOS tres CUATRO cinco seis</p>"));
        assertThat(mine).hasSize(2);
        List<BodyToken> newer = t("<p>uno 2 3 4 cinco seis</p>"); // meanwhile "dos tres cuatro" was rewritten
        List<BodyDiff.Rebased> moved = BodyDiff.rebaseAll(mine, BodyDiff.diff(base, newer), base);
        assertThat(moved).singleElement().satisfies(r -> {
            assertThat(r.conflict()).isTrue();
            assertThat(BodyTokens.plainText(BodyDiff.apply(newer, List.of(r.hunk())))).isEqualTo("uno DOS tres CUATRO cinco seis");
        });
    }

    @Test
    void an_insertion_the_newer_base_already_has_covers_it_so_it_is_seen_as_the_same() {
        List<BodyToken> base = t("<p>a c</p>");
        Hunk mine = BodyDiff.diff(base, t("<p>a b c</p>")).getFirst();
        List<BodyToken> newer = t("<p>a b c</p>");
        BodyDiff.Rebased r = BodyDiff.rebase(mine, BodyDiff.diff(base, newer), base);
        assertThat(newer.subList(r.hunk().start(), r.hunk().end())).isEqualTo(r.hunk().inserted());
    }

    @Test
    void two_insertions_at_the_same_place_are_a_conflict_for_the_owner_to_decide() {
        List<BodyToken> base = t("<p>a c</p>");
        Hunk mine = BodyDiff.diff(base, t("<p>a X c</p>")).getFirst();
        List<BodyToken> newer = t("<p>a b c</p>");
        BodyDiff.Rebased r = BodyDiff.rebase(mine, BodyDiff.diff(base, newer), base);
        assertThat(r.conflict()).isTrue(); // two people inserting at one place: the owner decides
        assertThat(BodyTokens.plainText(BodyDiff.apply(newer, List.of(r.hunk())))).isEqualTo("a X c");
    }

    @Test
    void the_redline_marks_each_authors_changes_and_escapes_their_text() {
        List<BodyToken> base = t("<p>Se solicita el informe.</p>");
        Hunk ana = BodyDiff.diff(base, t("<p>Se requiere el informe.</p>")).getFirst();
        Hunk luis = BodyDiff.diff(base, t("<p>Se solicita el informe &lt;script&gt;alert(1)&lt;/script&gt;.</p>")).getFirst();
        String html = Redline.render(base, List.of(new Redline.Shown(1, ana, 0, "Ana <b>"),
                new Redline.Shown(2, luis, 1, "Luis")));
        assertThat(html).contains("<del class=\"rl-del rl-a0\" title=\"Ana &lt;b&gt;\" data-change=\"1\">solicita</del>")
                .contains("<ins class=\"rl-ins rl-a0\" title=\"Ana &lt;b&gt;\" data-change=\"1\">requiere</ins>")
                .contains("<ins class=\"rl-ins rl-a1\" title=\"Luis\" data-change=\"2\">")
                .contains("&lt;script&gt;").doesNotContain("<script>");
    }
}
