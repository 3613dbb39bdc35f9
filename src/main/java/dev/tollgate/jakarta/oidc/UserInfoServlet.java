package dev.tollgate.jakarta.oidc;

import dev.tollgate.jakarta.oauth2.EndpointServlet;
import dev.tollgate.oidc.UserInfoEndpoint;

/** Serves UserInfo (OpenID Connect Core §5.3), GET and POST; usually at {@code /oauth2/userinfo}. Ready to map. */
public class UserInfoServlet extends EndpointServlet {

    public UserInfoServlet() {
        super(UserInfoEndpoint.NAME);
    }
}
