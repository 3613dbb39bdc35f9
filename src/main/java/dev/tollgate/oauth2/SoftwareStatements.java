package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Verifies the {@code software_statement} of a registration request (RFC 7591 §2.3): a JWT that a party the
 * application trusts signed about the client software, whose claims are client metadata. Set one with
 * {@link RegistrationSettings#withSoftwareStatements}; the default, {@link #REFUSED}, refuses every statement rather
 * than ignore metadata a client thinks it registered.
 */
@FunctionalInterface
public interface SoftwareStatements {

    /** The registration parameter (RFC 7591 §2.3). */
    String PARAMETER = "software_statement";
    /** RFC 7591 §3.2.2: the statement is invalid. */
    String INVALID = "invalid_software_statement";
    /** RFC 7591 §3.2.2: the statement is not approved for use by this server. */
    String UNAPPROVED = "unapproved_software_statement";

    /** No statement is accepted. */
    SoftwareStatements REFUSED = statement -> {
        throw new OAuth2Error(UNAPPROVED, "This server accepts no software statement.", 400);
    };

    /**
     * The metadata a statement asserts, once it is verified: its claims, without those about the JWT itself.
     *
     * @throws OAuth2Error {@value #INVALID} or {@value #UNAPPROVED}
     */
    JsonObject verify(String statement);

    /**
     * The registration request as the server is to read it (§2.3): its fields, with the statement's in place of
     * those it also holds, and without {@code software_statement}; unchanged if it has none.
     *
     * @throws OAuth2Error {@code invalid_client_metadata} if the statement is not a string, or as {@link #verify}
     */
    default JsonObject apply(JsonObject request) {
        JsonValue statement = request.get(PARAMETER);
        if (statement == null) {
            return request;
        }
        if (!(statement instanceof JsonString text)) {
            throw OAuth2Error.invalidClientMetadata("'" + PARAMETER + "' must be a string.");
        }
        JsonObjectBuilder merged = JSON.createObjectBuilder(request).remove(PARAMETER);
        verify(text.getString()).forEach(merged::add);
        return merged.build();
    }
}
