package org.rubrica.signing.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import javax.crypto.AEADBadTagException;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.springframework.stereotype.Component;

/**
 * Rubrica's own RFC 3161 timestamp authority, for installations without an external one: its key and
 * certificate (issued by the platform CA, for time-stamping only) are made on first use, the key sealed with the
 * master key. DSS asks it for tokens in process, as it would ask a TSA over HTTP.
 */
@Component
public class TimestampAuthority implements TSPSource {

    /** This installation's timestamp policy: a UUID-based OID (X.667), needing no registration. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.241370587315871536846311519853218315297");
    private static final String TSA_KEY = "platform-tsa-key";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration VALIDITY = Duration.ofDays(5 * 365);
    static final Duration RENEW_AHEAD = Duration.ofDays(365);

    private final PlatformCa ca;
    private final MasterKey masterKey;
    private final Clock clock;
    private volatile Issuer issuer;

    TimestampAuthority(PlatformCa ca, MasterKey masterKey, Clock clock) {
        this.ca = ca;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    private record Issuer(PrivateKey key, X509Certificate certificate, X509Certificate caCertificate) {
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
        try {
            Issuer tsa = issuer();
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(new ASN1ObjectIdentifier(digestAlgorithm.getOid()), digest,
                    new BigInteger(64, RANDOM));
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsa.key(), tsa.certificate()),
                    sha256, POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), tsa.caCertificate())));
            TimeStampResponse response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(request, new BigInteger(64, RANDOM), Date.from(clock.instant()));
            return new TimestampBinary(response.getTimeStampToken().getEncoded());
        } catch (Exception e) {
            throw new DSSException("the built-in timestamp authority failed: " + e.getMessage(), e);
        }
    }

    private Issuer issuer() {
        Issuer current = issuer;
        if (current == null || renewable(current.certificate())) {
            synchronized (this) {
                if (issuer == null || renewable(issuer.certificate())) {
                    issuer = load();
                }
                current = issuer;
            }
        }
        return current;
    }

    /** Renewed a year before it ends, while the tokens it made can still be checked against it. */
    private boolean renewable(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_AHEAD));
    }

    /**
     * Reads the authority, making it on first use and renewing it when it nears its end; two nodes doing so at
     * once keep the one stored first.
     */
    private Issuer load() {
        byte[][] stored = ca.timestamping().orElse(null);
        if (stored == null || renewable(PlatformCa.certificate(stored[0]))) {
            make(stored == null ? null : stored[0]);
            stored = ca.timestamping().orElseThrow();
        }
        try {
            PrivateKey key = RsaKeys.read(Sealed.open(masterKey.key(), stored[1], TSA_KEY));
            return new Issuer(key, PlatformCa.certificate(stored[0]), ca.certificate());
        } catch (AEADBadTagException e) {
            throw new SigningUnavailableException("the configured master key does not open the timestamp authority's key");
        }
    }

    private void make(byte[] replacing) {
        KeyPair pair = RsaKeys.generate(2048);
        X509Certificate cert = ca.issueTimestamping(pair.getPublic(), ca.nextSerial(), VALIDITY);
        byte[] encoded = pair.getPrivate().getEncoded();
        try {
            ca.saveTimestamping(cert, Sealed.seal(masterKey.key(), encoded, TSA_KEY), replacing);
        } finally {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
    }
}
