package org.rubrica.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Signature;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a signature costs, measured in one run: raw RSA-2048 as the floor, signing one rendered oficio at PAdES
 * BASELINE-B and -T, a batch of 100 at -LT on two threads, and validating one with DSS. Run: see
 * docs/benchmarks.md.
 */
@Tag("benchmark")
@RubricaTest
class SigningBenchmark {

    static final int WARM_UP = 30;
    static final int RUNS = 100;

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired SignerCredentials credentials;
    @Autowired PadesSignatures signatures;
    @Autowired org.rubrica.SignedOficios signedOficios;

    @Test
    void raw_signature_pades_b_signing_and_dss_validation() throws Exception {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Oficio de prueba de rendimiento",
                "<p>Se solicita la información del programa.</p>", Map.of()));
        byte[] pdf = oficios.pdf(id);
        signedOficios.freshCredential(acting.person("Arq. Beatriz Elena Campos Rangel"), "482915");
        var key = credentials.unlockMine("482915".toCharArray());
        // as Rubrica signs: the visible block drawn in the template's room for the first signature
        var block = new PadesSignatures.Appearance("firma-1", "Firmado electrónicamente por:\nArq. Beatriz Elena "
                + "Campos Rangel\nDirectora de Obras Públicas\nFecha: 02/12/2026 10:00:00 -06:00\nCertificado: 3F2A91");

        byte[] digest = new byte[32];
        measure("raw RSA-2048 signature of a SHA-256 digest", () -> {
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key.key());
                s.update(digest);
                return s.sign().length;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        byte[][] last = new byte[1][];
        measure("PAdES BASELINE-B signature of one rendered oficio (" + pdf.length / 1024 + " KiB)",
                () -> (last[0] = signatures.sign(pdf, key, "Firma", PadesSignatures.Level.B)).length);
        measure("PAdES BASELINE-B signature with its visible block in the signature room",
                () -> (last[0] = signatures.sign(pdf, key, "Firma", PadesSignatures.Level.B, block)).length);
        assertThat(signatures.validate(last[0]).valid()).isTrue();
        measure("PAdES BASELINE-T signature with its visible block, built-in timestamp authority",
                () -> signatures.sign(pdf, key, "Firma", PadesSignatures.Level.T, block).length);

        // a batch of 100 at LT on two threads, as a signer's morning pile would go
        for (int round = 1; round <= 3; round++) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            long start = System.nanoTime();
            var futures = new java.util.ArrayList<java.util.concurrent.Future<byte[]>>();
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(() -> signatures.sign(pdf, key, "Firma", PadesSignatures.Level.LT, block)));
            }
            byte[] one = null;
            for (var f : futures) {
                one = f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("Signing, batch of 100 at PAdES BASELINE-LT on 2 threads, round %d: %.2f s%n", round, seconds);
            if (round == 3) {
                assertThat(signatures.validate(one).signatures()).singleElement()
                        .satisfies(v -> assertThat(v.level()).isEqualTo("PAdES_BASELINE_LT"));
            }
        }
        measure("DSS validation of it (CA trusted, CRL as revocation data)",
                () -> signatures.validate(last[0]).signatures().size());
        acting.nobody();
    }

    private static void measure(String what, Supplier<Integer> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("Signing, %s: median %.2f ms, p95 %.2f ms%n", what, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }
}
