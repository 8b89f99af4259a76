package org.rubrica.signing.internal;

import java.security.cert.CertificateEncodingException;

import org.rubrica.signing.SignerCredentials;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform CA's public side, without login: its certificate (to trust it) and its CRL (the address every
 * issued certificate names), both DER as RFC 5280 and 2585 say.
 */
@RestController
class PkiEndpoints {

    private final PlatformCa ca;
    private final SignerCredentials credentials;

    PkiEndpoints(PlatformCa ca, SignerCredentials credentials) {
        this.ca = ca;
        this.credentials = credentials;
    }

    @GetMapping(path = "/pki/crl", produces = "application/pkix-crl")
    ResponseEntity<byte[]> crl() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(credentials.crl());
    }

    @GetMapping(path = "/pki/ca.cer", produces = "application/pkix-cert")
    ResponseEntity<byte[]> caCertificate() throws CertificateEncodingException {
        return ResponseEntity.ok().body(ca.certificate().getEncoded());
    }
}
