package dev.tollgate.example.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The container's error page ({@code <error-page>} in web.xml): the status and a short message, no details. */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        String message = switch (status) {
            case 400 -> "The request was not understood.";
            case 403 -> "You may not do that.";
            case 404 -> "There is no such page.";
            case 405 -> "That method is not allowed here.";
            default -> "Something went wrong on our side.";
        };
        Pages.error(request, response, status, "Error " + status, message);
    }
}
