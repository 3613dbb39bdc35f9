package dev.tollgate.oauth1;

/** A required protocol parameter is absent (RFC 5849 §3.2: 400). */
public class MissingRequiredParameterError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public MissingRequiredParameterError(String parameter) {
        super("missing_required_parameter", "missing \"" + parameter + "\" in parameters", 400);
    }
}
