package dev.tollgate.example.oauth2;

import dev.tollgate.example.security.DemoUsers;
import dev.tollgate.jwt.ResourceOwnerLookup;
import dev.tollgate.oauth2.ResourceOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who the {@code sub} of a JWT bearer assertion (RFC 7523 §2.1) names: one of the example's users. Being a
 * {@link ResourceOwnerLookup} bean is what turns the grant on; the only issuers trusted are the clients
 * themselves.
 */
@ApplicationScoped
public class DemoOwnerLookup implements ResourceOwnerLookup {

    @Inject
    DemoUsers users;

    @Override
    public Optional<ResourceOwner> find(String issuer, String subject) {
        return users.exists(subject) ? Optional.of(ResourceOwner.of(subject)) : Optional.empty();
    }
}
