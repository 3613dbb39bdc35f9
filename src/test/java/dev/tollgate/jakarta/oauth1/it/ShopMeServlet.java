package dev.tollgate.jakarta.oauth1.it;

import dev.tollgate.jakarta.oauth1.OAuth1ResourceFilter;
import dev.tollgate.oauth1.OAuth1Client;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A protected resource: who signed, for whom. */
@WebServlet("/api/oauth1/me")
public class ShopMeServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuth1Client client = (OAuth1Client) request.getAttribute(OAuth1ResourceFilter.CLIENT);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("username", request.getUserPrincipal().getName())
                .add("client_id", client.getClientId())
                .add("auth_type", request.getAuthType())
                .add("body_param", String.valueOf(request.getParameter("note")))
                .build().toString());
    }
}
