package org.rubrica.templates;

import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a template may print. Plain strings are escaped by the renderer; {@code bodyHtml} must be
 * sanitised rich text ({@link RichText#sanitize}) and is cleaned once more before it is printed.
 *
 * @param number the official number, {@code null} until the document is signed
 * @param draft  prints a "BORRADOR" mark on every page
 */
public record DocumentData(String institutionName, String agencyName, String unitName, String unitCode,
                           String place, LocalDate date, String number,
                           String recipientName, String recipientCargo, String recipientUnitName,
                           String subject, String bodyHtml, String authorName, String authorCargo,
                           Map<String, String> fields, boolean draft) {
}
