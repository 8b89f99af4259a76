package org.rubrica.api.internal;

import java.util.List;

import org.rubrica.api.ApiPermission;
import org.rubrica.api.IntegrationToken;
import org.rubrica.directory.UnitScopedAuthentication;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request made with an integration token: its person, acting in its unit only, with its permissions. */
final class IntegrationAuthentication extends AbstractAuthenticationToken implements UnitScopedAuthentication {

    private final IntegrationToken token;

    IntegrationAuthentication(IntegrationToken token) {
        super(token.permissions().stream().map(p -> new SimpleGrantedAuthority("PERMISSION_" + p.name())).toList());
        this.token = token;
        setAuthenticated(true);
    }

    IntegrationToken token() {
        return token;
    }

    boolean may(ApiPermission permission) {
        return token.may(permission);
    }

    @Override
    public long unitId() {
        return token.unitId();
    }

    @Override
    public String getName() {
        return token.username();
    }

    @Override
    public Object getPrincipal() {
        return token.username();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntegrationAuthentication i && i.token.id() == token.id() && super.equals(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token.id());
    }

    List<String> permissionNames() {
        return token.permissions().stream().map(Enum::name).sorted().toList();
    }
}
