package org.rubrica;

import org.rubrica.directory.Actor;
import org.rubrica.directory.Directory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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

    Acting(Directory directory) {
        this.directory = directory;
    }

    public Actor as(String username) {
        Actor actor = directory.actor(username).orElseThrow();
        var authorities = actor.memberships().stream()
                .map(m -> new SimpleGrantedAuthority(m.role().authority())).distinct().toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        return actor;
    }

    public long unitId(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
