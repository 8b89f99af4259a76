package org.rubrica.exchange;

import java.security.cert.X509Certificate;
import java.util.List;

/** Another installation this one trusts: by its node certificate, reached at {@code baseUrl}, with its units. */
public record KnownNode(long id, String code, String name, String baseUrl, X509Certificate certificate,
                        boolean active, List<RemoteUnit> units) {

    /** A unit of another installation, by its code there. */
    public record RemoteUnit(String code, String name) {
    }
}
