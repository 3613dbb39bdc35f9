package dev.tollgate.example.web;

import dev.tollgate.jakarta.servlet.Outages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers for every response: no framing by any site (anti-clickjacking, for the consent pages above all),
 * resources from this site only, no content sniffing, and no {@code Referer} that could carry a token away. A page
 * that fails because the database is down answers 503 with {@code Retry-After}, not a 500 page.
 */
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (!Outages.isDatabaseOutage(failure) || response.isCommitted()) {
                throw failure;
            }
            response.resetBuffer();
            response.setHeader("Retry-After", "5");
            Pages.error(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Try again shortly",
                    "The service cannot answer just now. Please try again in a few seconds.");
        }
    }
}
