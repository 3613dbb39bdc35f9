package dev.tollgate.oauth1;

import dev.tollgate.common.FormUrlEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

/** Rules for {@code oauth_callback} (RFC 5849 §2.1) and the redirect back to it (§2.2). */
final class Callbacks {

    private Callbacks() {
    }

    static boolean isOutOfBand(String callback) {
        return OAuthParameters.OUT_OF_BAND.equals(callback);
    }

    /** RFC 5849 §2.1: {@code oob} or an absolute URI; here http or https, without a fragment. */
    static boolean isWellFormed(String callback) {
        if (isOutOfBand(callback)) {
            return true;
        }
        try {
            URI uri = new URI(callback);
            String scheme = uri.getScheme();
            return uri.getHost() != null && uri.getRawFragment() == null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether the client registered exactly this callback; {@code oob} needs no registration. */
    static boolean isRegistered(OAuth1Client client, String callback) {
        if (isOutOfBand(callback)) {
            return true;
        }
        if (Objects.equals(client.getDefaultRedirectUri(), callback)) {
            return true;
        }
        return client.getRedirectUris() != null && client.getRedirectUris().contains(callback);
    }

    /** The callback with {@code parameters} added to its query, which it may already have. */
    static String withParameters(String callback, Map<String, String> parameters) {
        String query = FormUrlEncoding.format(parameters);
        if (callback.indexOf('?') < 0) {
            return callback + '?' + query;
        }
        boolean open = callback.endsWith("?") || callback.endsWith("&");
        return callback + (open ? "" : "&") + query;
    }
}
