package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Uploads are judged by their content; SVG is sanitised; stored images never change. */
@RubricaTest
class TemplateAssetsTests {

    @Autowired Acting acting;
    @Autowired TemplateAssets assets;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logOut() {
        acting.nobody();
    }

    @Test
    void a_png_and_a_jpeg_are_stored_with_their_type_read_from_the_content() throws IOException {
        acting.as("plantillas");
        AssetInfo png = assets.upload("escudo-png", "escudo.png", image("png", 320, 200));
        AssetInfo jpeg = assets.upload("sello-jpeg", "sello.PNG", image("jpeg", 150, 150)); // the name lies

        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.width()).isEqualTo(320);
        assertThat(png.height()).isEqualTo(200);
        assertThat(png.address()).isEqualTo("asset:escudo-png");
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(assets.list()).extracting(AssetInfo::name).contains("escudo-png", "sello-jpeg");
    }

    @Test
    void a_disguised_file_a_truncated_picture_and_wrong_sizes_are_refused_with_a_reason() throws IOException {
        acting.as("plantillas");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] png = image("png", 100, 100);

        assertRefused(() -> assets.upload("falso", "logo.png", html), "asset.type");
        assertRefused(() -> assets.upload("cortado", "logo.png", Arrays.copyOf(png, 60)), "asset.unreadable");
        assertRefused(() -> assets.upload("diminuto", "x.png", image("png", 4, 4)), "asset.dimensions");
        assertRefused(() -> assets.upload("enorme", "x.png", pngHeaderClaiming(50_000, 50_000)), "asset.dimensions");
        assertRefused(() -> assets.upload("pesado", "x.png", Arrays.copyOf(png, TemplateAssets.MAX_BYTES + 1)),
                "asset.too-large");
        assertRefused(() -> assets.upload("Mal Nombre", "x.png", png), "asset.name.invalid");
        assertThat(assets.list()).extracting(AssetInfo::name)
                .doesNotContain("falso", "cortado", "diminuto", "enorme", "pesado");
    }

    @Test
    void an_svg_loses_scripts_handlers_links_and_foreign_content_and_gets_a_print_rendition() throws IOException {
        acting.as("plantillas");
        String svg = """
                <?xml version="1.0"?>
                <?xml-stylesheet href="http://evil.example/x.css"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                     width="200" height="100" viewBox="0 0 200 100" onload="alert(1)">
                  <script>alert('x')</script>
                  <style>@import url(http://evil.example/a.css); .a { fill: #1d3557 }</style>
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#a68a4d"/></linearGradient></defs>
                  <a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a>
                  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hola</div></foreignObject>
                  <image xlink:href="file:///etc/passwd" width="10" height="10"/>
                  <use xlink:href="http://evil.example/s.svg#x"/>
                  <rect class="a" width="200" height="100" fill="url(#g)" onclick="steal()"/>
                  <circle cx="50" cy="50" r="30" style="fill: url(http://evil.example/p)"/>
                </svg>""";

        AssetInfo saved = assets.upload("escudo-svg", "escudo.svg", svg.getBytes(StandardCharsets.UTF_8));

        assertThat(saved.mediaType()).isEqualTo("image/svg+xml");
        String stored = new String(assets.file("escudo-svg").orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(stored).contains("<rect", "fill=\"url(#g)\"", "linearGradient", "<circle")
                .doesNotContain("script", "onload", "onclick", "javascript", "foreignObject", "<image", "evil.example",
                        "@import", "xml-stylesheet", "<a ");
        byte[] print = jdbc.sql("SELECT print_png FROM templates_asset WHERE name = 'escudo-svg'")
                .query((rs, n) -> rs.getBytes(1)).single();
        var rendition = ImageIO.read(new ByteArrayInputStream(print));
        assertThat(rendition.getWidth()).isEqualTo(1200);
        assertThat(rendition.getHeight()).isEqualTo(600);
    }

    @Test
    void an_svg_declaring_entities_is_refused() {
        acting.as("plantillas");
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>""";

        assertRefused(() -> assets.upload("bomba", "b.svg", bomb.getBytes(StandardCharsets.UTF_8)), "asset.unreadable");
    }

    @Test
    void a_name_is_never_reused_and_a_stored_image_cannot_be_changed() throws IOException {
        acting.as("plantillas");
        assets.upload("unico", "a.png", image("png", 50, 50));

        assertRefused(() -> assets.upload("unico", "b.png", image("png", 60, 60)), "asset.name.taken");
        assertThatThrownBy(() -> jdbc.sql("UPDATE templates_asset SET width_px = 1 WHERE name = 'unico'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed");
    }

    @Test
    void only_template_administrators_upload_or_list_images() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> assets.upload("intruso", "x.png", image("png", 50, 50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assets.list()).isInstanceOf(AccessDeniedException.class);
    }

    private static void assertRefused(Runnable upload, String key) {
        assertThatThrownBy(upload::run).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo(key);
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x1d, 0x35, 0x57));
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A tiny PNG whose header claims a huge picture: a decompression bomb's calling card. */
    private static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
