package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The resource owner who granted an authorization, as the application authenticated them: what an ID token
 * later says about the authentication (OpenID Connect Core §2: {@code auth_time}, {@code amr}, {@code acr}).
 *
 * @param subject  the identifier tokens are issued for, e.g. the username
 * @param authTime when the owner authenticated, or {@code null} if unknown
 * @param amr      the authentication methods used (RFC 8176), e.g. {@code pwd}; may be empty
 * @param acr      the authentication context class satisfied, or {@code null}
 */
public record ResourceOwner(String subject, Instant authTime, Set<String> amr, String acr) {

    public ResourceOwner {
        Objects.requireNonNull(subject, "subject");
        amr = Set.copyOf(amr);
    }

    /** An owner known only by subject. */
    public static ResourceOwner of(String subject) {
        return new ResourceOwner(subject, null, Set.of(), null);
    }
}
