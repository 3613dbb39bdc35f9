package dev.tollgate.jwt;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the MicroProfile JWT {@code groups} claim of a JWT access token is derived from its granted scope (MicroProfile
 * JWT RBAC 2.1 §4.1: the groups the principal belongs to, mapped to the application's roles), e.g. the scope values
 * themselves ({@link #SCOPE_VALUES}) or those with a prefix, without it ({@link #prefix}).
 */
@FunctionalInterface
public interface GroupsRule {

    /** Every scope value is a group. */
    GroupsRule SCOPE_VALUES = TreeSet::new;

    /** The groups of a granted scope; an empty set gives an empty {@code groups} claim. */
    Set<String> groups(Set<String> scope);

    /**
     * The scope values that start with the prefix, without it: with {@code "group:"}, the scope {@code openid
     * group:admin group:staff} gives the groups {@code admin} and {@code staff}.
     *
     * @throws IllegalArgumentException for an empty prefix (use {@link #SCOPE_VALUES})
     */
    static GroupsRule prefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("An empty prefix: use GroupsRule.SCOPE_VALUES.");
        }
        return scope -> {
            Set<String> groups = new TreeSet<>();
            for (String value : scope) {
                if (value.startsWith(prefix) && value.length() > prefix.length()) {
                    groups.add(value.substring(prefix.length()));
                }
            }
            return groups;
        };
    }
}
