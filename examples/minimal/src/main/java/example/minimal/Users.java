package example.minimal;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

@BasicAuthenticationMechanismDefinition(realmName = "minimal")
@ApplicationScoped
public class Users implements IdentityStore {

    public CredentialValidationResult validate(UsernamePasswordCredential login) {
        return login.compareTo("alice", "wonderland") ? new CredentialValidationResult("alice") : INVALID_RESULT;
    }
}
