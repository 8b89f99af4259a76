package org.rubrica.drafting.internal.text;

/** Text escaped for XML and HTML content and attributes; characters XML 1.0 cannot hold are dropped. */
public final class XmlText {

    private XmlText() {
    }

    public static void append(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text == null ? 0 : text.length() + 16);
        append(out, text);
        return out.toString();
    }
}
