package dev.tollgate.example;

import dev.tollgate.oauth1.OAuth1Settings;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.util.Set;

/**
 * The example's Tollgate settings. Producing a setting here, as an enabled alternative, replaces the library's
 * default from {@code TollgateDefaults} everywhere.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class ExampleSettings {

    /** The issuer is where the example is reached ({@code -Dtollgate.issuer} changes it). */
    @Produces
    @Alternative
    public OAuth2Settings oauth2Settings() {
        return OAuth2Settings.builder(System.getProperty("tollgate.issuer", "http://127.0.0.1:8080"))
                .scopesSupported(Set.of("profile", "email"))
                .realm("tollgate-example")
                .build();
    }

    /** The implicit and password grants are on because the demo clients are registered for them (the contract lists them). */
    @Produces
    @Alternative
    public GrantSettings grantSettings() {
        return new GrantSettings(true, true);
    }

    @Produces
    @Alternative
    public OAuth1Settings oauth1Settings() {
        return OAuth1Settings.DEFAULT
                .withSignatureMethods("HMAC-SHA1", "RSA-SHA1", "PLAINTEXT")
                // LOCAL DEMO ONLY: PLAINTEXT sends the client and token secrets in clear, so a real deployment
                // accepts it over HTTPS only. The example runs on http://127.0.0.1, hence this line.
                .withPlaintextOverHttpAllowed(true);
    }
}
