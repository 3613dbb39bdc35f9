package dev.tollgate.oauth1;

import dev.tollgate.common.PercentEncoding;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The signature base string (RFC 5849 §3.4.1). */
public final class SignatureBaseString {

    private static final Comparator<Map.Entry<String, String>> BY_NAME_THEN_VALUE =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    private SignatureBaseString() {
    }

    /** The base string of a request: its method, base-string URI and every parameter except the signature. */
    public static String of(OAuth1Request request) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (Parameter parameter : request.parameters()) {
            pairs.add(Map.entry(parameter.name(), parameter.value()));
        }
        return of(request.method(), request.uri(), pairs);
    }

    /**
     * The base string from its parts (RFC 5849 §3.4.1.1).
     *
     * @param parameters decoded name/value pairs; {@code oauth_signature} is left out
     */
    public static String of(String method, URI uri, List<Map.Entry<String, String>> parameters) {
        return PercentEncoding.encode(method.toUpperCase(Locale.ROOT))
                + '&' + PercentEncoding.encode(baseStringUri(uri))
                + '&' + PercentEncoding.encode(normalizeParameters(parameters));
    }

    /**
     * The base-string URI (RFC 5849 §3.4.1.2): scheme and host in lower case, default port dropped,
     * an empty path as {@code /}, no query and no fragment.
     */
    public static String baseStringUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        return out.toString();
    }

    /**
     * The normalized request parameters (RFC 5849 §3.4.1.3.2): each name and value encoded, sorted by name
     * then value, joined as {@code name=value} with {@code &}; {@code oauth_signature} excluded.
     */
    public static String normalizeParameters(List<Map.Entry<String, String>> parameters) {
        return parameters.stream()
                .filter(pair -> !pair.getKey().equals(OAuthParameters.SIGNATURE))
                .map(pair -> Map.entry(PercentEncoding.encode(pair.getKey()), PercentEncoding.encode(pair.getValue())))
                .sorted(BY_NAME_THEN_VALUE)
                .map(pair -> pair.getKey() + '=' + pair.getValue())
                .collect(Collectors.joining("&"));
    }
}
