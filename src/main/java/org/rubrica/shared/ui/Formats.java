package org.rubrica.shared.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as people read them in their language. */
public final class Formats {

    private Formats() {
    }

    /** A due date chosen as a day: the end of that day, in the institution's time zone; null stays null. */
    public static Instant endOfDay(java.time.LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().minusSeconds(1);
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(ZoneId.systemDefault()));
    }
}
