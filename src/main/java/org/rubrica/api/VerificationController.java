package org.rubrica.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.rubrica.shared.NotFoundException;
import org.rubrica.verification.Verification;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public verification, without a token: by verification code, or by the PDF itself. Rate limited per address. */
@RestController
@RequestMapping("/api/v1/verification")
@Tag(name = "Verification")
class VerificationController {

    private final Verification verification;

    VerificationController(Verification verification) {
        this.verification = verification;
    }

    @GetMapping("/{code}")
    @Operation(summary = "The registration of the signed oficio with that verification code: number, sender, "
            + "signers, dates, SHA-256, annulment (public)")
    Verification.Registered byCode(@PathVariable String code, HttpServletRequest request) {
        return verification.byCode(code, request.getRemoteAddr())
                .orElseThrow(() -> new NotFoundException("verification code"));
    }

    @PostMapping(consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "DSS's verdict on a signed PDF (sent as the request body) and whether it is byte for byte "
            + "the registered document (public)")
    Verification.UploadCheck check(@RequestBody byte[] pdf, HttpServletRequest request) {
        return verification.check(pdf, request.getRemoteAddr());
    }
}
