package org.rubrica.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubrica.signing.TestPki;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * The trust configuration reads PEM (one or several certificates) and DER files; a missing file, one that is no
 * certificate, or a certificate that is no CA's stops the start with one line naming the file.
 */
class TrustedCasTests {

    @TempDir Path dir;

    @Test
    void pem_and_der_files_are_read_and_blank_entries_ignored() throws Exception {
        Path pem = Files.writeString(dir.resolve("dos.pem"),
                TestPki.pem(TestPki.trustedCa().certificate()) + TestPki.pem(TestPki.untrustedCa().certificate()));
        Path der = Files.write(dir.resolve("sat.cer"), TestPki.der(TestPki.trustedCa().certificate()));
        assertThat(TrustedCas.read(List.of(pem.toString(), " ", der.toString())))
                .containsExactly(TestPki.trustedCa().certificate(), TestPki.untrustedCa().certificate(),
                        TestPki.trustedCa().certificate());
        assertThat(TrustedCas.read(List.of())).isEmpty();
    }

    @Test
    void a_bad_entry_stops_the_start_with_one_line_naming_it() throws Exception {
        Path missing = dir.resolve("no-existe.pem");
        Path text = Files.writeString(dir.resolve("notas.pem"), "no es un certificado");
        Path signer = Files.write(dir.resolve("firmante.cer"),
                TestPki.der(TestPki.signer(TestPki.trustedCa(), "ALGUIEN", null).certificate()));
        assertThatThrownBy(() -> TrustedCas.read(List.of(missing.toString())))
                .isInstanceOf(TrustConfigurationException.class).hasMessageContaining(missing + " cannot be read");
        assertThatThrownBy(() -> TrustedCas.read(List.of(text.toString())))
                .isInstanceOf(TrustConfigurationException.class)
                .hasMessage(text + " is not a PEM or DER X.509 certificate");
        assertThatThrownBy(() -> TrustedCas.read(List.of(signer.toString())))
                .isInstanceOf(TrustConfigurationException.class).hasMessageContaining("not a CA certificate");

        // Spring Boot finds the analyzer, which reports the cause in one line instead of a stack trace
        boolean registered = false;
        for (var url : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            var factories = new java.util.Properties();
            try (var in = url.openStream()) {
                factories.load(in);
            }
            registered |= factories.getProperty(FailureAnalyzer.class.getName(), "")
                    .contains(TrustConfigurationFailureAnalyzer.class.getName());
        }
        assertThat(registered).isTrue();
        var analysis = new TrustConfigurationFailureAnalyzer().analyze(new BeanCreationException("trustedCas",
                "failed", new TrustConfigurationException(text + " is not a PEM or DER X.509 certificate")));
        assertThat(analysis.getDescription()).isEqualTo("Rubrica cannot trust the CAs in rubrica.signing.trusted-cas: "
                + text + " is not a PEM or DER X.509 certificate").doesNotContain("\n");
    }
}
