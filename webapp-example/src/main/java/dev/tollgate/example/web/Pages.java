package dev.tollgate.example.web;

import static dev.tollgate.example.web.Html.escape;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/** The page layout, redirects, and the sign-in requirement shared by every page of the example. */
public final class Pages {

    private Pages() {
    }

    /**
     * Whether someone is signed in. If not, the browser is sent (302) to
     * {@code /login?next=<this path and query, URL-encoded>} and the caller must stop.
     */
    public static boolean requireUser(HttpServletRequest request, HttpServletResponse response) {
        if (request.getUserPrincipal() != null) {
            return true;
        }
        String original = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + "/login?next="
                + URLEncoder.encode(original, StandardCharsets.UTF_8));
        return false;
    }

    /**
     * For a form post: true if a user is signed in and the form carries the session's CSRF token. Otherwise
     * answers itself (the login redirect, or the CSRF refusal page) and returns false.
     */
    public static boolean requireUserPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!requireUser(request, response)) {
            return false;
        }
        if (!Csrf.isValid(request)) {
            csrfRefused(request, response);
            return false;
        }
        return true;
    }

    /** A form field, trimmed; empty when absent. */
    public static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }

    /** A 303 See Other to {@code location}: after a POST, the browser follows with a GET. */
    public static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }

    /** Writes a whole page: the layout around {@code body}, which the caller has escaped. Never cached. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String body) throws IOException {
        String ctx = escape(request.getContextPath());
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · Tollgate example</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + ctx + "/static/style.css\">\n</head>\n<body>\n"
                + "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
                + "<header class=\"top\">\n<a class=\"brand\" href=\"" + ctx + "/\">Tollgate example</a>\n"
                + navigation(request) + "</header>\n"
                + "<main id=\"main\">\n" + body + "</main>\n"
                + "<footer>An OAuth 1.0a and OAuth 2.0 authorization server built with Tollgate.</footer>\n"
                + "</body>\n</html>\n");
    }

    /** An error page with its status. */
    public static void error(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String message) throws IOException {
        write(request, response, status, title, "<h1>" + escape(title) + "</h1>\n"
                + "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>\n"
                + "<p><a href=\"" + escape(request.getContextPath()) + "/\">Back to the home page</a></p>\n");
    }

    /** The 403 page for a form posted without this session's CSRF token. */
    public static void csrfRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        error(request, response, HttpServletResponse.SC_FORBIDDEN, "Form refused",
                "This form has expired or did not come from this site. Go back, reload the page and try again.");
    }

    private static String navigation(HttpServletRequest request) {
        String ctx = escape(request.getContextPath());
        Principal user = request.getUserPrincipal();
        if (user == null) {
            return "<nav aria-label=\"Account\"><a href=\"" + ctx + "/login\">Sign in</a></nav>\n";
        }
        return "<nav aria-label=\"Account\">\n<a href=\"" + ctx + "/\">Authorized apps</a>\n"
                + "<a href=\"" + ctx + "/developer\">Developer</a>\n"
                + "<span class=\"user\">Signed in as <strong>" + escape(user.getName()) + "</strong></span>\n"
                + "<form method=\"post\" action=\"" + ctx + "/logout\" class=\"inline\">" + Csrf.field(request)
                + "<button type=\"submit\" class=\"link\">Sign out</button></form>\n</nav>\n";
    }
}
