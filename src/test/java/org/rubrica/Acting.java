package org.rubrica;

import org.rubrica.directory.Actor;
import org.rubrica.directory.Directory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Puts a demo person in the security context, as a login would, without the (slow) password check. */
@Component
public class Acting {

    /** Demo people the tests use, by user name. */
    public static final String DRAFTER = "mlopez";           // SOP/DOP
    public static final String RECIPIENT = "gtorres";        // SEC/DGE receiving office
    public static final String RECIPIENT_HEAD = "acervantes"; // head of SEC/DGE
    public static final String ADMIN = "admin";
    public static final String OTHER_UNIT_DRAFTER = "kjimenez"; // TES/DE
    public static final String AUDITOR = "auditoria";
    public static final String PASSWORD = "Rubrica.2026";

    private final Directory directory;
    private final SecurityContextHolderStrategy securityContext;

    Acting(Directory directory, ObjectProvider<SecurityContextHolderStrategy> securityContext) {
        this.directory = directory;
        this.securityContext = securityContext.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Actor as(String username) {
        Actor actor = directory.actor(username).orElseThrow();
        var authorities = actor.memberships().stream()
                .map(m -> new SimpleGrantedAuthority(m.role().authority())).distinct().toList();
        securityContext.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        return actor;
    }

    public long unitId(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    public long personId(String username) {
        return directory.actor(username).orElseThrow().personId();
    }

    /** A demo person by full name, as the tests' stories name them. */
    public org.rubrica.directory.Person person(String fullName) {
        return directory.people().stream().filter(p -> p.fullName().equals(fullName)).findFirst().orElseThrow();
    }

    public String fullName(String username) {
        return directory.actor(username).orElseThrow().fullName();
    }

    /** Acts with a given authentication (one the login would not make, such as an integration's). */
    public void authenticate(Authentication authentication) {
        securityContext.getContext().setAuthentication(authentication);
    }

    public void nobody() {
        securityContext.clearContext();
    }

    /** Who the security context holds now, if anyone. */
    public Authentication current() {
        return securityContext.getContext().getAuthentication();
    }
}
