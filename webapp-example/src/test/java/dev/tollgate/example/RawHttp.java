package dev.tollgate.example;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line as written, which {@link java.net.URI} would refuse (a malformed percent escape), over
 * HTTP/1.0 so that the body ends with the connection.
 */
final class RawHttp {

    /**
     * A status code, the header lines (lower-cased, each ending in {@code \n}) and the body.
     */
    record Answer(int status, String headers, String body) {
    }

    private RawHttp() {
    }

    static Answer send(URI base, String method, String target, String body, String... headers) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.0\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int blank = response.indexOf("\r\n\r\n");
            String head = (blank < 0 ? response : response.substring(0, blank)).replace("\r\n", "\n") + "\n";
            return new Answer(status, head.toLowerCase(java.util.Locale.ROOT), blank < 0 ? "" : response.substring(blank + 4));
        }
    }
}
