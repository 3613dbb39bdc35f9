package dev.tollgate.jakarta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Renders the pages of {@link ConsentServlet}. {@link DefaultConsentPage} is used unless the application
 * produces its own as an {@code @Alternative}, e.g. to render with its templates.
 */
public interface ConsentPage {

    /**
     * The consent form: it must post the fields {@link Consent#fields()} and {@code confirm=true} (allow) or any
     * other value (deny) to {@link Consent#action()}.
     */
    void consent(Consent consent, HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** An error that cannot go back to the client (unknown client or redirect URI), with its status. */
    void error(int status, String error, String description, HttpServletRequest request,
               HttpServletResponse response) throws IOException;
}
