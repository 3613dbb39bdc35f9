package dev.tollgate.jakarta.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes a protocol core's response (status, headers, body) to an {@link HttpServletResponse}. */
public final class ServletResponses {

    private ServletResponses() {
    }

    public static void write(HttpServletResponse response, int status, Map<String, String> headers, String body)
            throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        if (!body.isEmpty()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
