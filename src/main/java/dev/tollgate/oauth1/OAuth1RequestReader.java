package dev.tollgate.oauth1;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Identifiers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads and checks the parts of a request into an {@link OAuth1Request} (RFC 5849 §3.5). */
final class OAuth1RequestReader {

    private static final String AUTHORIZATION = "Authorization";

    private final RequestLimits limits;

    OAuth1RequestReader(RequestLimits limits) {
        this.limits = limits;
    }

    OAuth1Request read(String method, String uri, Map<String, List<String>> headers, String body, String contentType)
            throws OAuth1Error {
        if (method == null || method.isBlank() || !method.chars().allMatch(OAuth1RequestReader::isTokenChar)) {
            throw new InvalidRequestError("Invalid HTTP method");
        }
        URI parsedUri = parseUri(uri);
        Map<String, List<String>> headerMap = caseInsensitive(headers);
        List<Parameter> parameters = new ArrayList<>();
        String realm = readAuthorizationHeader(headerMap.get(AUTHORIZATION), parameters);
        if (body != null && isFormEncoded(contentType)) {
            if (body.length() > limits.maxBodyLength()) {
                throw new InvalidRequestError("Request body too large");
            }
            addForm(body, ParameterLocation.BODY, parameters);
        }
        addForm(parsedUri.getRawQuery(), ParameterLocation.QUERY, parameters);
        if (parameters.size() > limits.maxParameters()) {
            throw new InvalidRequestError("Too many parameters");
        }
        checkProtocolParameters(parameters);
        for (Parameter parameter : parameters) {
            if (parameter.isProtocolParameter() && !Identifiers.hasNoControlCharacter(parameter.value())) {
                throw new InvalidRequestError("Control character in \"" + parameter.name() + "\"");
            }
        }
        return new OAuth1Request(method.toUpperCase(Locale.ROOT), parsedUri, headerMap, parameters, realm);
    }

    private URI parseUri(String uri) throws InvalidRequestError {
        if (uri == null || uri.length() > limits.maxUriLength()) {
            throw new InvalidRequestError("Missing or too long request URI");
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if (parsed.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new InvalidRequestError("The request URI must be an absolute http or https URI");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw new InvalidRequestError("Malformed request URI");
        }
    }

    private String readAuthorizationHeader(List<String> values, List<Parameter> parameters)
            throws InvalidRequestError {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidRequestError("More than one Authorization header");
        }
        String value = values.get(0);
        if (value.length() > limits.maxAuthorizationLength()) {
            throw new InvalidRequestError("Authorization header too long");
        }
        if (!AuthorizationHeader.isOAuth(value)) {
            throw new InvalidRequestError("The Authorization header does not use the OAuth scheme");
        }
        String realm = null;
        for (Map.Entry<String, String> pair : AuthorizationHeader.parse(value)) {
            if (pair.getKey().equals(OAuthParameters.REALM)) {
                if (realm != null) {
                    throw new InvalidRequestError("Duplicated \"realm\"");
                }
                realm = pair.getValue(); // RFC 5849 §3.4.1.3.1: realm is not signed
            } else {
                parameters.add(new Parameter(pair.getKey(), pair.getValue(), ParameterLocation.AUTHORIZATION_HEADER));
            }
        }
        return realm;
    }

    private static void addForm(String encoded, ParameterLocation location, List<Parameter> parameters)
            throws InvalidRequestError {
        try {
            // RFC 5849 §3.4.1.3.1: query and body are decoded as application/x-www-form-urlencoded
            for (Map.Entry<String, String> pair : FormUrlEncoding.parse(encoded)) {
                parameters.add(new Parameter(pair.getKey(), pair.getValue(), location));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("Malformed percent-encoding in the " + location.name().toLowerCase(Locale.ROOT));
        }
    }

    /** RFC 5849 §3.5: protocol parameters come from one location, each at most once. */
    private static void checkProtocolParameters(List<Parameter> parameters)
            throws DuplicatedOAuthProtocolParameterError {
        Set<ParameterLocation> locations = EnumSet.noneOf(ParameterLocation.class);
        Set<String> names = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (parameter.isProtocolParameter()) {
                locations.add(parameter.location());
                if (!names.add(parameter.name())) {
                    throw new DuplicatedOAuthProtocolParameterError("Duplicated \"" + parameter.name() + "\"");
                }
            }
        }
        if (locations.size() > 1) {
            throw new DuplicatedOAuthProtocolParameterError("\"oauth_\" params must come from only 1 location but were found in "
                    + locations.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
    }

    private static boolean isFormEncoded(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.strip().equalsIgnoreCase(FormUrlEncoding.CONTENT_TYPE);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    copy.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
                }
            });
        }
        copy.values().forEach(values -> values.removeIf(Objects::isNull));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }

    /** RFC 7230 §3.2.6 tchar. */
    private static boolean isTokenChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
