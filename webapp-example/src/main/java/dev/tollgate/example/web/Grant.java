package dev.tollgate.example.web;

/**
 * A client that a user has authorized, as the home page lists it.
 *
 * @param protocol    the {@link GrantSource#protocol()} that can revoke it
 * @param clientId    the client's id
 * @param clientName  the client's name, or its id if it has none
 * @param lastGranted when the user last authorized it, epoch milliseconds
 * @param detail      a short description, e.g. how many tokens it holds
 */
public record Grant(String protocol, String clientId, String clientName, long lastGranted, String detail) {
}
