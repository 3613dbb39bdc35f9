package dev.tollgate.jakarta.oauth2.it;

import dev.tollgate.oauth2.OAuth2Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.util.Set;

/** The application's OAuth 2.0 settings: an enabled alternative to Tollgate's defaults. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class AppSettings {

    @Produces
    @Alternative
    OAuth2Settings settings() {
        return OAuth2Settings.builder(AppSetup.ISSUER).scopesSupported(Set.of("profile", "email")).build();
    }
}
