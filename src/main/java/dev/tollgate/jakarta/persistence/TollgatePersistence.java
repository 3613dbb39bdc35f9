package dev.tollgate.jakarta.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Qualifies the {@link jakarta.persistence.EntityManager} that Tollgate's JPA stores use.
 * {@link DefaultPersistence} produces the application's only persistence unit; an application with several
 * produces its own {@code @TollgatePersistence EntityManager} as an {@code @Alternative} (as {@link
 * dev.tollgate.jakarta.TollgateDefaults} shows).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface TollgatePersistence {
}
