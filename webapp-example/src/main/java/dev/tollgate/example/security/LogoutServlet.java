package dev.tollgate.example.security;

import dev.tollgate.example.web.Csrf;
import dev.tollgate.example.web.Pages;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** {@code POST /logout} (with the session's CSRF token): ends the session, then goes to {@code /}. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (!Csrf.isValid(request)) {
                Pages.csrfRefused(request, response);
                return;
            }
            request.logout();
            session.invalidate();
        }
        Pages.seeOther(response, request.getContextPath() + "/");
    }
}
