package dev.tollgate.oidc;

import com.nimbusds.jose.util.Base64URL;
import dev.tollgate.oauth2.OAuth2Client;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * What {@code sub} a client sees (Core §8): the local subject for {@code public}; for {@code pairwise}, a
 * hash of the sector identifier, the local subject and a salt only the server knows (§8.1), so that two
 * clients on different hosts cannot correlate a user. The sector is the host of the client's redirect URIs,
 * which must all share it: {@code sector_identifier_uri} is not supported.
 */
public final class SubjectTypes {

    public static final String PUBLIC = "public";
    public static final String PAIRWISE = "pairwise";

    private final byte[] salt;

    /** @param pairwiseSalt the deployment's secret salt, the same on every node and kept forever; or {@code null} */
    public SubjectTypes(String pairwiseSalt) {
        this.salt = pairwiseSalt == null ? null : pairwiseSalt.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code sub} this client is given for a local subject. */
    public String subjectFor(OAuth2Client client, String localSubject) {
        if (!PAIRWISE.equals(new OpenIdClient(client).subjectType())) {
            return localSubject;
        }
        if (salt == null) {
            // a hash anyone could compute again would let clients correlate users (Core §8.1)
            throw new IllegalStateException("The client " + client.getClientId() + " is registered for pairwise "
                    + "subjects, and no pairwise salt is set (OpenIdSettings.pairwiseSalt, TOLLGATE_PAIRWISE_SALT).");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(sectorOf(client.getRedirectUris()).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(localSubject.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return Base64URL.encode(sha256.digest(salt)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * The sector identifier of redirect URIs (Core §8.1): their one host.
     *
     * @throws IllegalArgumentException if there is none, or several
     */
    public static String sectorOf(List<String> redirectUris) {
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("Pairwise subjects need redirect URIs on one host.");
        }
        List<String> hosts = redirectUris.stream().map(SubjectTypes::hostOf).distinct().toList();
        if (hosts.size() != 1 || hosts.get(0) == null) {
            throw new IllegalArgumentException("Pairwise subjects need redirect URIs on one host.");
        }
        return hosts.get(0);
    }

    // hosts compare without case (RFC 3986 §3.2.2)
    private static String hostOf(String uri) {
        String host = URI.create(uri).getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }
}
