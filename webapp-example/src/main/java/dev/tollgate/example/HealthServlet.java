package dev.tollgate.example;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/health}: unprotected, the baseline that the filters' cost is measured against. */
@WebServlet("/api/health")
public class HealthServlet extends HttpServlet {

    /** Looked up once: {@code Json.createObjectBuilder()} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(JSON.createObjectBuilder().add("status", "UP").build().toString());
    }
}
