package dev.tollgate.example.oauth2;

import dev.tollgate.jakarta.oauth2.BearerTokenFilter;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/me}, behind the bearer filter with scope {@code profile}: the resource owner the token
 * speaks for ({@code null} for a client's own token), the client and the granted scope.
 */
@WebServlet("/api/me")
public class OAuth2MeServlet extends HttpServlet {

    /** Looked up once: {@code Json.createObjectBuilder()} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (request.getUserPrincipal() == null) {
            body.addNull("username");
        } else {
            body.add("username", request.getUserPrincipal().getName());
        }
        body.add("client_id", (String) request.getAttribute(BearerTokenFilter.CLIENT_ID))
                .add("scope", (String) request.getAttribute(BearerTokenFilter.SCOPE));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(body.build().toString());
    }
}
