package dev.tollgate.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JWK Set with {@link java.net.http.HttpClient} as {@link JwksUriSettings} bound it: {@code https} only
 * (or {@code http} when allowed), no user info in the URI, a host whose every address is public (unless private
 * addresses are allowed), no redirect followed, a connect timeout and a deadline for the whole response, and a body of
 * at most {@link JwksUriSettings#maxSize()} bytes that must be answered with 200 and parse as a JWK Set.
 *
 * <p>The addresses are checked when the host is resolved here; the HTTP client resolves it again when it connects
 * (Java 17 has no hook to connect to the checked address and still verify TLS for the name), so a host whose DNS
 * answers change between the two (DNS rebinding) could still reach a refused address. Where that matters, also
 * refuse private destinations at the network (an egress proxy or firewall).
 */
public final class HttpJwkSetFetcher implements JwkSetFetcher {

    private final JwksUriSettings settings;
    private final HttpClient client;

    public HttpJwkSetFetcher(JwksUriSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    @Override
    public JWKSet fetch(URI uri) throws IOException {
        check(uri);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request,
                LimitedBody.handler(settings.maxSize()));
        Duration deadline = settings.connectTimeout().plus(settings.readTimeout());
        HttpResponse<byte[]> response;
        try {
            response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IOException("No JWK Set within " + deadline.toMillis() + " ms.");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching the JWK Set.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("Cannot fetch the JWK Set: " + cause, cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("The JWK Set URI answered " + response.statusCode() + ".");
        }
        try {
            return JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException("The JWK Set URI did not answer a JWK Set.");
        }
    }

    /** Refuses what the settings do not allow, before anything is sent. */
    void check(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || (scheme.equals("http") && settings.httpAllowed()))) {
            throw new IOException("A JWK Set URI must be https.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IOException("A JWK Set URI needs a host and no user info.");
        }
        if (settings.privateAddressesAllowed()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IOException("Unknown host of the JWK Set URI.");
        }
        for (InetAddress address : addresses) {
            if (Addresses.isInternal(address)) {
                throw new IOException("The JWK Set URI's host resolves to a private address.");
            }
        }
    }
}
