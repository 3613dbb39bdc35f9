package dev.tollgate.jakarta.servlet;

import dev.tollgate.common.FormUrlEncoding;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what the protocol cores need from an {@link HttpServletRequest}, leaving the request usable downstream. */
public final class ServletRequests {

    private ServletRequests() {
    }

    /** The absolute URL the client addressed, query included, as {@code proxy} allows it to be known. */
    public static String absoluteUri(HttpServletRequest request, ProxySettings proxy) {
        String query = request.getQueryString();
        return absoluteUrl(request, proxy) + (query == null ? "" : "?" + query);
    }

    /** The absolute URL the client addressed, without the query, as {@code proxy} allows it to be known. */
    public static String absoluteUrl(HttpServletRequest request, ProxySettings proxy) {
        String scheme = request.getScheme();
        String host = request.getServerName();
        int port = request.getServerPort();
        if (proxy.trustForwardedHeaders()) {
            scheme = firstValue(request.getHeader("X-Forwarded-Proto"), scheme);
            String forwardedHost = firstValue(request.getHeader("X-Forwarded-Host"), null);
            if (forwardedHost != null) {
                int colon = forwardedHost.lastIndexOf(':');
                boolean hasPort = colon > 0 && forwardedHost.indexOf(']', colon) < 0;
                host = hasPort ? forwardedHost.substring(0, colon) : forwardedHost;
                port = hasPort ? port(forwardedHost.substring(colon + 1), port) : defaultPort(scheme);
            }
            port = port(firstValue(request.getHeader("X-Forwarded-Port"), null), port);
        }
        StringBuilder uri = new StringBuilder(scheme).append("://").append(host);
        if (port != defaultPort(scheme)) {
            uri.append(':').append(port);
        }
        return uri.append(request.getRequestURI()).toString();
    }

    /** Every header, names looked up case-insensitively. */
    public static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /**
     * The form-encoded body parameters, re-encoded, or {@code null} if the body is not
     * {@code application/x-www-form-urlencoded}. They are read through the servlet parameter map, which
     * lists the query's values of a name before the body's, so the body stays readable for the application.
     *
     * @throws IllegalArgumentException if the query string is not well-formed percent-encoding; each protocol
     *                                  answers it with its own {@code invalid_request}
     */
    public static String formBody(HttpServletRequest request) {
        if (!isForm(request.getContentType())) {
            return null;
        }
        useUtf8(request);
        Map<String, Integer> inQuery = new TreeMap<>();
        for (Map.Entry<String, String> pair : FormUrlEncoding.parse(request.getQueryString())) {
            inQuery.merge(pair.getKey(), 1, Integer::sum);
        }
        List<Map.Entry<String, String>> body = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String[] values = parameter.getValue();
            for (int i = inQuery.getOrDefault(parameter.getKey(), 0); i < values.length; i++) {
                body.add(Map.entry(parameter.getKey(), values[i]));
            }
        }
        return FormUrlEncoding.format(body);
    }

    /** Whether a {@code Content-Type} is {@code application/x-www-form-urlencoded}, parameters aside. */
    public static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase(FormUrlEncoding.CONTENT_TYPE);
    }

    private static void useUtf8(HttpServletRequest request) {
        if (request.getCharacterEncoding() == null) {
            try {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("Every Java platform has UTF-8", e);
            }
        }
    }

    private static String firstValue(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }

    /** A port number from a forwarded header; a missing or malformed one leaves {@code fallback}. */
    private static int port(String value, int fallback) {
        if (value == null || !value.matches("\\d{1,5}")) {
            return fallback;
        }
        int port = Integer.parseInt(value);
        return port > 0 && port <= 65535 ? port : fallback;
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
