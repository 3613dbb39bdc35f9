package dev.tollgate.jakarta.servlet;

import dev.tollgate.device.DeviceAuthorizationEndpoint;
import dev.tollgate.jakarta.device.DeviceAuthorizationServlet;
import dev.tollgate.jakarta.oauth1.TemporaryCredentialServlet;
import dev.tollgate.jakarta.oauth1.TokenCredentialServlet;
import dev.tollgate.jakarta.oauth2.IntrospectionServlet;
import dev.tollgate.jakarta.oauth2.MetadataServlet;
import dev.tollgate.jakarta.oauth2.PushedAuthorizationRequestServlet;
import dev.tollgate.jakarta.oauth2.RegistrationServlet;
import dev.tollgate.jakarta.oauth2.RevocationServlet;
import dev.tollgate.jakarta.oauth2.TokenServlet;
import dev.tollgate.jakarta.oidc.JwksServlet;
import dev.tollgate.jakarta.oidc.OpenIdConfigurationServlet;
import dev.tollgate.jakarta.oidc.UserInfoServlet;
import dev.tollgate.jakarta.web.ConsentServlet;
import dev.tollgate.jakarta.web.OAuth1ConsentServlet;
import dev.tollgate.oauth2.IntrospectionEndpoint;
import dev.tollgate.oauth2.MetadataEndpoint;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.RegistrationEndpoint;
import dev.tollgate.oauth2.RevocationEndpoint;
import dev.tollgate.oidc.JwksEndpoint;
import dev.tollgate.oidc.OpenIdConfigurationEndpoint;
import dev.tollgate.oidc.UserInfoEndpoint;
import dev.tollgate.par.PushedAuthorizationEndpoint;
import jakarta.servlet.Servlet;
import java.util.List;

/**
 * Tollgate's servlets and where they usually live. {@link TollgateInitializer} maps those {@link #mappedByDefault}
 * there unless the application maps them itself or configuration moves or switches them off
 * ({@code tollgate.endpoint.<key>}).
 */
public enum StandardEndpoint {

    TOKEN("token", OAuth2Settings.TOKEN, TokenServlet.class, true, "/oauth2/token"),
    REVOCATION("revocation", RevocationEndpoint.NAME, RevocationServlet.class, true, "/oauth2/revoke"),
    INTROSPECTION("introspection", IntrospectionEndpoint.NAME, IntrospectionServlet.class, true,
            "/oauth2/introspect"),
    METADATA("metadata", MetadataEndpoint.NAME, MetadataServlet.class, true,
            "/.well-known/oauth-authorization-server"),
    PUSHED_AUTHORIZATION("par", PushedAuthorizationEndpoint.NAME, PushedAuthorizationRequestServlet.class, true,
            "/oauth2/par"),
    /** The default consent page: the one endpoint with a user interface, behind the application's login. */
    AUTHORIZATION("authorization", OAuth2Settings.AUTHORIZATION, ConsentServlet.class, true, "/oauth2/authorize"),
    JWKS("jwks", JwksEndpoint.NAME, JwksServlet.class, true, "/oauth2/jwks"),
    USERINFO("userinfo", UserInfoEndpoint.NAME, UserInfoServlet.class, true, "/oauth2/userinfo"),
    OPENID_CONFIGURATION("openid-configuration", OpenIdConfigurationEndpoint.NAME,
            OpenIdConfigurationServlet.class, true, "/.well-known/openid-configuration"),
    /** Open dynamic registration (RFC 7591) only when asked for: anyone could register a client. */
    REGISTRATION("registration", RegistrationEndpoint.NAME, RegistrationServlet.class, false, "/oauth2/register",
            "/oauth2/register/*"),
    /** Needs the application's verification page (docs/device.md). */
    DEVICE_AUTHORIZATION("device-authorization", DeviceAuthorizationEndpoint.NAME,
            DeviceAuthorizationServlet.class, false, "/oauth2/device_authorization"),
    OAUTH1_INITIATE("oauth1-initiate", null, TemporaryCredentialServlet.class, false, "/oauth1/initiate"),
    OAUTH1_TOKEN("oauth1-token", null, TokenCredentialServlet.class, false, "/oauth1/token"),
    /** OAuth 1.0a's default consent page, behind the application's login. */
    OAUTH1_AUTHORIZATION("oauth1-authorize", null, OAuth1ConsentServlet.class, false, "/oauth1/authorize");

    private final String key;
    private final String endpointName;
    private final Class<? extends Servlet> servlet;
    private final boolean mappedByDefault;
    private final List<String> defaultPaths;

    StandardEndpoint(String key, String endpointName, Class<? extends Servlet> servlet, boolean mappedByDefault,
                     String... defaultPaths) {
        this.key = key;
        this.endpointName = endpointName;
        this.servlet = servlet;
        this.mappedByDefault = mappedByDefault;
        this.defaultPaths = List.of(defaultPaths);
    }

    /** The configuration name that moves it, {@code tollgate.endpoint.<key>}: a path, {@code on} or {@code off}. */
    public String setting() {
        return "tollgate.endpoint." + key;
    }

    /** The name of the OAuth 2.0 endpoint in {@link OAuth2Settings#endpoints()}, or {@code null} for OAuth 1. */
    public String endpointName() {
        return endpointName;
    }

    public Class<? extends Servlet> servlet() {
        return servlet;
    }

    /** Whether it is one of OAuth 1.0a's endpoints, which {@code tollgate.oauth1=true} maps together. */
    public boolean isOAuth1() {
        return endpointName == null;
    }

    public boolean mappedByDefault() {
        return mappedByDefault;
    }

    public List<String> defaultPaths() {
        return defaultPaths;
    }
}
