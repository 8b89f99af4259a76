package org.rubrica.templates;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.rubrica.shared.InvalidInputException;

/**
 * What a template administrator sets of the institution's single format, without touching its layout:
 * paper, margins, type, colours, the letterhead's logo and texts, room for the signature, and whether the
 * verification code and QR (filled in at signing) have their reserved place. Every template prints it.
 *
 * @param logoAsset       name of an uploaded image, or {@code null} for the emblem with the institution's initials
 * @param headerText      an extra line under the letterhead (a motto, the year's legend); may be empty
 * @param footerText      printed in every page's footer (address, telephone); may be empty
 * @param signatureSpaceMm height left blank above the signer's name
 */
public record BaseFormatSettings(PageSize pageSize, int marginTopMm, int marginRightMm, int marginBottomMm,
                                 int marginLeftMm, Typeface typeface, BigDecimal fontSizePt, String primaryColor,
                                 String accentColor, String logoAsset, String headerText, String footerText,
                                 int signatureSpaceMm, boolean verificationBlock) {

    /** What the shipped single format looks like before anyone changes it. */
    public static final BaseFormatSettings DEFAULTS = new BaseFormatSettings(PageSize.LETTER, 30, 25, 24, 30,
            Typeface.SANS, new BigDecimal("10.5"), "#1d3557", "#a68a4d", null, "", "", 21, true);

    /** 11, 11.0 and 11.00 are one size: equal settings must compare (and hash) equal. */
    public BaseFormatSettings {
        if (fontSizePt != null) {
            BigDecimal stripped = fontSizePt.stripTrailingZeros();
            fontSizePt = stripped.scale() <= 1 ? stripped.setScale(1) : stripped;
        }
    }

    public static final int MARGIN_MIN_MM = 10;
    public static final int MARGIN_MAX_MM = 50;
    public static final int TEXT_MAX = 200;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final BigDecimal FONT_MIN = new BigDecimal("8");
    private static final BigDecimal FONT_MAX = new BigDecimal("14");

    /** Refuses what would break the page, at the field that holds it. Texts are data, printed escaped. */
    public void check() {
        require(pageSize != null, "pageSize");
        margin(marginTopMm, "marginTop");
        margin(marginRightMm, "marginRight");
        margin(marginBottomMm, "marginBottom");
        margin(marginLeftMm, "marginLeft");
        require(typeface != null, "typeface");
        if (fontSizePt == null || fontSizePt.compareTo(FONT_MIN) < 0 || fontSizePt.compareTo(FONT_MAX) > 0
                || fontSizePt.scale() > 1) {
            throw new InvalidInputException("format.font-size.invalid", "fontSize", FONT_MIN, FONT_MAX);
        }
        colour(primaryColor, "primaryColor");
        colour(accentColor, "accentColor");
        text(headerText, "headerText");
        text(footerText, "footerText");
        if (signatureSpaceMm < 10 || signatureSpaceMm > 60) {
            throw new InvalidInputException("format.range", "signatureSpace", 10, 60);
        }
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new InvalidInputException("validation.required", field);
        }
    }

    private static void margin(int mm, String field) {
        if (mm < MARGIN_MIN_MM || mm > MARGIN_MAX_MM) {
            throw new InvalidInputException("format.range", field, MARGIN_MIN_MM, MARGIN_MAX_MM);
        }
    }

    private static void colour(String value, String field) {
        if (value == null || !COLOUR.matcher(value).matches()) {
            throw new InvalidInputException("format.colour.invalid", field);
        }
    }

    private static void text(String value, String field) {
        if (value != null && (value.length() > TEXT_MAX || value.contains("\n"))) {
            throw new InvalidInputException("validation.too-long", field);
        }
    }

    /**
     * What the base format's layout sees as {@code format}: strings ready for its stylesheet and letterhead
     * ({@code logo} is an {@code asset:} address or empty), and {@code verificationBlock} as a boolean.
     */
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pageSize", pageSize.css());
        m.put("marginTop", marginTopMm + "mm");
        m.put("marginRight", marginRightMm + "mm");
        m.put("marginBottom", marginBottomMm + "mm");
        m.put("marginLeft", marginLeftMm + "mm");
        m.put("fontFamily", typeface.family());
        m.put("fontSize", fontSizePt.stripTrailingZeros().toPlainString() + "pt");
        m.put("primaryColor", primaryColor.toLowerCase());
        m.put("accentColor", accentColor.toLowerCase());
        m.put("logo", logoAsset == null || logoAsset.isBlank() ? "" : TemplateAssets.ADDRESS_PREFIX + logoAsset);
        m.put("headerText", headerText == null ? "" : headerText);
        m.put("footerText", footerText == null ? "" : footerText);
        m.put("signatureSpace", signatureSpaceMm + "mm");
        m.put("verificationBlock", verificationBlock);
        return m;
    }
}
