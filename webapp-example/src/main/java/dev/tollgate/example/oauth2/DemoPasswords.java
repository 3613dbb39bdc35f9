package dev.tollgate.example.oauth2;

import dev.tollgate.common.Identifiers;
import dev.tollgate.example.security.DemoUsers;
import dev.tollgate.example.security.SignInThrottle;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.ResourceOwnerAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Checks resource owner passwords for the password grant (RFC 6749 §4.3) against the example's users. */
@ApplicationScoped
public class DemoPasswords implements ResourceOwnerAuthenticator {

    @Inject
    DemoUsers users;

    @Inject
    Clock clock;

    @Inject
    SignInThrottle throttle;

    @Override
    public Optional<ResourceOwner> authenticate(String username, String password) {
        SignInThrottle.Attempt attempt = Identifiers.hasNoControlCharacter(username) ? throttle.begin(username) : null;
        if (attempt == null) {
            return Optional.empty();
        }
        CredentialValidationResult result;
        try (attempt) {
            result = users.validate(new UsernamePasswordCredential(username, password));
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            try {
                throttle.failed(username, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
        throttle.succeeded(username);
        // RFC 8176 §2: "pwd", authenticated just now
        return Optional.of(new ResourceOwner(result.getCallerPrincipal().getName(), clock.instant(), Set.of("pwd"),
                null));
    }
}
