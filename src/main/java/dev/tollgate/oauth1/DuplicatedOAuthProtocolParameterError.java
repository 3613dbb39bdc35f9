package dev.tollgate.oauth1;

/** Protocol parameters sent twice, or from more than one place (RFC 5849 §3.2 and §3.5: 400). */
public class DuplicatedOAuthProtocolParameterError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public DuplicatedOAuthProtocolParameterError(String description) {
        super("duplicated_oauth_protocol_parameter", description, 400);
    }
}
