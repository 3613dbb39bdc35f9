package dev.tollgate.example.oauth2;

import dev.tollgate.example.security.DemoUsers;
import dev.tollgate.oauth2.ResourceOwnerAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Optional;

/** Checks resource owner passwords for the password grant (RFC 6749 §4.3) against the example's users. */
@ApplicationScoped
public class DemoPasswords implements ResourceOwnerAuthenticator {

    @Inject
    DemoUsers users;

    @Override
    public Optional<String> authenticate(String username, String password) {
        CredentialValidationResult result = users.validate(new UsernamePasswordCredential(username, password));
        return result.getStatus() == CredentialValidationResult.Status.VALID
                ? Optional.of(result.getCallerPrincipal().getName()) : Optional.empty();
    }
}
