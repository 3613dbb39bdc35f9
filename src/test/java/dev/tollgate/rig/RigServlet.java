package dev.tollgate.rig;

import dev.tollgate.jakarta.cache.TollgateCaches;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import javax.cache.Cache;

/** Answers the rig's questions about CDI, JPA and JCache in one JSON object per path. */
@WebServlet("/rig/*")
public class RigServlet extends HttpServlet {

    @Inject
    RigGreeter greeter;

    @Inject
    RigRepository repository;

    @Inject
    TollgateCaches caches;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder();
        switch (String.valueOf(request.getPathInfo())) {
            case "/cdi" -> body.add("call", greeter.call());
            case "/jpa" -> {
                String name = request.getParameter("name");
                long id = repository.save(name);
                body.add("id", id).add("readBack", repository.nameOf(id)).add("provider", repository.providerName());
            }
            case "/cache" -> {
                Cache<String, String> cache = caches.cache("rig", String.class, String.class, Duration.ofSeconds(1));
                String key = UUID.randomUUID().toString();
                body.add("provider", caches.providerName())
                        .add("first", cache.putIfAbsent(key, "a"))
                        .add("second", cache.putIfAbsent(key, "b"))
                        .add("value", cache.get(key))
                        .add("key", key);
            }
            case "/cache-expired" -> {
                Cache<String, String> cache = caches.cache("rig", String.class, String.class, Duration.ofSeconds(1));
                body.add("present", cache.containsKey(request.getParameter("key")));
            }
            default -> {
                response.sendError(404);
                return;
            }
        }
        response.setContentType("application/json");
        response.getWriter().write(body.build().toString());
    }
}
