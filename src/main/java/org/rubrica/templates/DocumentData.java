package org.rubrica.templates;

import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a template may print. Plain strings are escaped by the renderer; {@code bodyHtml} must be
 * sanitised rich text ({@link RichText#sanitize}) and is cleaned once more before it is printed.
 *
 * @param number           the official number, {@code null} until the document is signed
 * @param draft            prints a "BORRADOR" mark on every page
 * @param verificationCode the code printed for online verification, {@code null} until signed
 * @param verificationQr   a PNG of the QR code leading to the verification page, {@code null} until signed
 * @param signers          who signs it, in route order, once the route is approved: the signature area gives each
 *                         a place (marked {@code firma-1}, {@code firma-2}… for their signatures); empty until then,
 *                         when the author is printed as signer
 * @param annexes          the files annexed to it, each printed with its SHA-256 so the signature binds them
 */
public record DocumentData(String institutionName, String agencyName, String unitName, String unitCode,
                           String place, LocalDate date, String number,
                           String recipientName, String recipientCargo, String recipientUnitName,
                           String subject, String bodyHtml, String authorName, String authorCargo,
                           Map<String, String> fields, boolean draft, String verificationCode,
                           byte[] verificationQr, java.util.List<SignerLine> signers,
                           java.util.List<AnnexLine> annexes) {

    /** A signer as printed under their signature. */
    public record SignerLine(String name, String cargo) {
    }

    /** An annexed file as printed: its name and the SHA-256 of its content. */
    public record AnnexLine(String name, String sha256) {
    }

    public DocumentData {
        signers = signers == null ? java.util.List.of() : java.util.List.copyOf(signers);
        annexes = annexes == null ? java.util.List.of() : java.util.List.copyOf(annexes);
    }

    /** A document that is not signed yet: the verification place shows that signing fills it. */
    public DocumentData(String institutionName, String agencyName, String unitName, String unitCode,
                        String place, LocalDate date, String number,
                        String recipientName, String recipientCargo, String recipientUnitName,
                        String subject, String bodyHtml, String authorName, String authorCargo,
                        Map<String, String> fields, boolean draft) {
        this(institutionName, agencyName, unitName, unitCode, place, date, number, recipientName, recipientCargo,
                recipientUnitName, subject, bodyHtml, authorName, authorCargo, fields, draft, null, null, null, null);
    }

    /** This document as signed: not a draft, with its verification code and QR, and who signs it. */
    public DocumentData signed(String code, byte[] qrPng, java.util.List<SignerLine> signedBy) {
        return new DocumentData(institutionName, agencyName, unitName, unitCode, place, date, number, recipientName,
                recipientCargo, recipientUnitName, subject, bodyHtml, authorName, authorCargo, fields, false, code,
                qrPng, signedBy, annexes);
    }

    /** This document with its annexed files listed. */
    public DocumentData withAnnexes(java.util.List<AnnexLine> files) {
        return new DocumentData(institutionName, agencyName, unitName, unitCode, place, date, number, recipientName,
                recipientCargo, recipientUnitName, subject, bodyHtml, authorName, authorCargo, fields, draft,
                verificationCode, verificationQr, signers, files);
    }
}
