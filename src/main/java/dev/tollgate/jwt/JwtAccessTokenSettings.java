package dev.tollgate.jwt;

import java.util.Objects;

/**
 * How access tokens are issued as JWTs (RFC 9068). Change the defaults with the {@code with} methods:
 * {@code JwtAccessTokenSettings.DEFAULT.withDefaultFormat(AccessTokenFormat.JWT).withUpn(true)}.
 *
 * @param defaultFormat the format of the access tokens of clients that registered no
 *                      {@value AccessTokenFormat#METADATA}
 * @param audience      the {@code aud} of every JWT access token, which validation requires (RFC 9068 §3, §4: the
 *                      resource server's identifier), or {@code null} for the issuer. Resource indicators
 *                      (RFC 8707) are not supported: one audience serves every resource
 * @param upn           whether a JWT carries the MicroProfile JWT {@code upn} claim, its {@code sub}
 * @param groups        how the MicroProfile JWT {@code groups} claim comes from the scope, or {@code null} for no
 *                      {@code groups} claim
 */
public record JwtAccessTokenSettings(AccessTokenFormat defaultFormat, String audience, boolean upn,
                                     GroupsRule groups) {

    /** Opaque unless a client registered {@code jwt}; the issuer as audience; neither {@code upn} nor {@code groups}. */
    public static final JwtAccessTokenSettings DEFAULT = new JwtAccessTokenSettings(AccessTokenFormat.OPAQUE, null,
            false, null);

    /** @throws IllegalArgumentException for an empty audience */
    public JwtAccessTokenSettings {
        Objects.requireNonNull(defaultFormat, "defaultFormat");
        if (audience != null && audience.isBlank()) {
            throw new IllegalArgumentException("The audience cannot be empty; null means the issuer.");
        }
    }

    /** The audience: the configured one, or the issuer. */
    public String audience(String issuer) {
        return audience == null ? issuer : audience;
    }

    public JwtAccessTokenSettings withDefaultFormat(AccessTokenFormat format) {
        return new JwtAccessTokenSettings(format, audience, upn, groups);
    }

    public JwtAccessTokenSettings withAudience(String newAudience) {
        return new JwtAccessTokenSettings(defaultFormat, newAudience, upn, groups);
    }

    public JwtAccessTokenSettings withUpn(boolean withUpn) {
        return new JwtAccessTokenSettings(defaultFormat, audience, withUpn, groups);
    }

    public JwtAccessTokenSettings withGroups(GroupsRule rule) {
        return new JwtAccessTokenSettings(defaultFormat, audience, upn, rule);
    }
}
