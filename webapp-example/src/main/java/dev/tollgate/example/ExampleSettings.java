package dev.tollgate.example;

import dev.tollgate.oauth1.OAuth1Settings;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oidc.OpenIdSettings;
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
                .scopesSupported(Set.of("openid", "profile", "email"))
                .realm("tollgate-example")
                .build();
    }

    /** The implicit and password grants are on because the demo clients are registered for them (the contract lists them). */
    @Produces
    @Alternative
    public GrantSettings grantSettings() {
        return new GrantSettings(true, true);
    }

    /**
     * Pairwise subjects are offered (the contract's discovery lists them); the salt comes from
     * {@code TOLLGATE_PAIRWISE_SALT} when set. LOCAL DEMO ONLY: a real deployment keeps its salt secret, out of
     * the source, and never changes it.
     */
    @Produces
    @Alternative
    public OpenIdSettings openIdSettings() {
        String salt = System.getenv().getOrDefault("TOLLGATE_PAIRWISE_SALT", "tollgate-example-pairwise-salt");
        return OpenIdSettings.DEFAULT.withPairwiseSalt(salt);
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
