package dev.tollgate.jakarta.oauth2.it;

import dev.tollgate.jakarta.oauth2.BearerTokenFilter;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A protected resource: who the token speaks for. */
@WebServlet("/api/me")
public class AppMeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder();
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
