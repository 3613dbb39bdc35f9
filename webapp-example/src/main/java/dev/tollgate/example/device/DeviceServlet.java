package dev.tollgate.example.device;

import static dev.tollgate.example.web.Html.escape;

import dev.tollgate.device.DeviceRequest;
import dev.tollgate.device.DeviceVerification;
import dev.tollgate.device.Visitor;
import dev.tollgate.example.oauth2.OAuth2AuthorizeServlet;
import dev.tollgate.example.security.SessionUser;
import dev.tollgate.example.web.Consent;
import dev.tollgate.example.web.Csrf;
import dev.tollgate.example.web.Pages;
import dev.tollgate.jakarta.device.Visitors;
import dev.tollgate.oauth2.OAuth2Client;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The device verification page (RFC 8628 §3.3), which an application writes itself. {@code GET /device} (signed
 * in) asks for the code the device shows; {@code GET /device?user_code=...} (the {@code verification_uri_complete})
 * and {@code POST /device} with {@code user_code} show the consent page, with the code to compare with the
 * device's (§5.4); its form posts {@code confirm=true} to grant, anything else denies. Wrong codes are limited per
 * session and per address by the library (§5.1): signing in again starts a new session.
 */
@WebServlet("/device")
public class DeviceServlet extends HttpServlet {

    /** The form field of the code, as the contract names it. */
    static final String USER_CODE = "user_code";
    /** The consent page's decision field. */
    static final String CONFIRM = "confirm";

    @Inject
    DeviceVerification verification;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Pages.requireUser(request, response)) {
            return;
        }
        String entered = request.getParameter(USER_CODE);
        if (entered == null) {
            entryForm(request, response, 200, null);
            return;
        }
        lookUp(request, response, entered);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Pages.requireUserPost(request, response)) {
            return;
        }
        String entered = Pages.field(request, USER_CODE);
        if (request.getParameter(CONFIRM) == null) {
            lookUp(request, response, entered); // the entry form
            return;
        }
        Visitor visitor = Visitors.of(request);
        boolean granted = "true".equals(request.getParameter(CONFIRM));
        DeviceVerification.Outcome outcome = granted
                ? verification.approve(entered, SessionUser.of(request), visitor)
                : verification.deny(entered, visitor);
        switch (outcome) {
            case OK -> done(request, response, granted);
            case NOT_FOUND -> entryForm(request, response, 400, "That code is wrong, has expired or was used.");
            case TOO_MANY_ATTEMPTS -> tooMany(request, response);
        }
    }

    private void lookUp(HttpServletRequest request, HttpServletResponse response, String entered)
            throws IOException {
        DeviceVerification.Lookup lookup = verification.lookup(entered, Visitors.of(request));
        switch (lookup.outcome()) {
            case OK -> consentPage(request, response, lookup.request());
            case NOT_FOUND -> entryForm(request, response, 400, "That code is wrong, has expired or was used.");
            case TOO_MANY_ATTEMPTS -> tooMany(request, response);
        }
    }

    private static void consentPage(HttpServletRequest request, HttpServletResponse response, DeviceRequest device)
            throws IOException {
        List<String> details = new ArrayList<>();
        details.add("Your device shows the code " + device.userCode() + ": allow only if it does.");
        for (String scope : new TreeSet<>(device.scope())) {
            details.add("Scope " + scope);
        }
        OAuth2Client client = device.client();
        new Consent(request.getContextPath() + "/device", OAuth2AuthorizeServlet.nameOf(client), client.getClientId(),
                details, Map.of(USER_CODE, device.userCode()), CONFIRM).write(request, response);
    }

    private static void entryForm(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException {
        String body = "<h1>Connect a device</h1>\n"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"device-error\">" + escape(error)
                        + "</p>\n")
                + "<form method=\"post\" action=\"" + escape(request.getContextPath()) + "/device\" class=\"card\">\n"
                + Csrf.field(request) + "\n"
                + "<label for=\"user_code\">The code your device shows</label>\n"
                + "<input id=\"user_code\" name=\"user_code\" autocomplete=\"off\" autocapitalize=\"characters\""
                + " spellcheck=\"false\" maxlength=\"32\" placeholder=\"XXXX-XXXX\" required autofocus>\n"
                + "<button type=\"submit\">Continue</button>\n"
                + "</form>\n";
        Pages.write(request, response, status, "Connect a device", body);
    }

    private static void done(HttpServletRequest request, HttpServletResponse response, boolean granted)
            throws IOException {
        String body = granted
                ? "<h1 id=\"device-result\">Device connected</h1>\n<p>You may return to your device.</p>\n"
                : "<h1 id=\"device-result\">Request denied</h1>\n<p>The device gets no access.</p>\n";
        Pages.write(request, response, 200, granted ? "Device connected" : "Request denied", body);
    }

    private static void tooMany(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Pages.error(request, response, 429, "Too many wrong codes",
                "Too many wrong codes were entered. Sign out and in again, or try later.");
    }
}
