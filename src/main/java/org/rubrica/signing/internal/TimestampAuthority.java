package org.rubrica.signing.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;

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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServiceKeys keys;
    private final Clock clock;

    TimestampAuthority(ServiceKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
        try {
            ServiceKeys.ServiceKey tsa = keys.get(ServiceKeys.Kind.TSA);
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
}
