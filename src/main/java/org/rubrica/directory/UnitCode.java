package org.rubrica.directory;

import java.util.regex.Pattern;

/** A unit's code as printed in official numbers, e.g. {@code SOP/DOP}: capitals and digits, slash-separated. */
public final class UnitCode {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{1,12}(/[A-Z0-9]{1,12}){0,4}");

    private UnitCode() {
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
