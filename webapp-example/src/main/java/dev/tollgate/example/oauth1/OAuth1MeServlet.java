package dev.tollgate.example.oauth1;

import dev.tollgate.jakarta.oauth1.OAuth1ResourceFilter;
import dev.tollgate.oauth1.OAuth1Client;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/oauth1/me}: a protected resource. {@link OAuth1ResourceFilter} (mapped on {@code /api/oauth1/*}
 * in web.xml) lets only signed requests through; the resource owner is then the request's principal.
 */
@WebServlet("/api/oauth1/me")
public class OAuth1MeServlet extends HttpServlet {

    /** Looked up once: {@code Json.createObjectBuilder()} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuth1Client client = (OAuth1Client) request.getAttribute(OAuth1ResourceFilter.CLIENT);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("username", request.getUserPrincipal().getName())
                .add("client_id", client.getClientId())
                .build().toString());
    }
}
