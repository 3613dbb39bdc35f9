package dev.tollgate.jakarta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Renders the pages of {@link ConsentServlet} and {@link OAuth1ConsentServlet}. {@link DefaultConsentPage} is used
 * unless the application produces its own as an {@code @Alternative}, e.g. to render with its templates.
 */
public interface ConsentPage {

    /**
     * The consent form: it must post {@link Consent#fields()} and {@link Consent#decisionField()} {@code =true}
     * (allow) or any other value (deny) to {@link Consent#action()}.
     */
    void consent(Consent consent, HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** The OAuth 1.0a verifier the user gives the application by hand (RFC 5849 §2.2, callback {@code oob}). */
    void verifier(String verifier, HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** A page with a title and a line of text: a request that cannot be used, a denial shown to the user. */
    void message(int status, String title, String text, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
