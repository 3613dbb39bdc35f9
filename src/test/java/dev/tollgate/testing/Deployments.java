package dev.tollgate.testing;

import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The library as an application bundles it, for the Arquillian deployments; each test adds its own classes. */
public final class Deployments {

    private Deployments() {
    }

    /** A WAR with Tollgate's classes (tests' own {@code it} packages left out), its ORM file and its dependencies. */
    public static WebArchive library(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addPackages(true, Filters.exclude(".*/it/.*"), "dev.tollgate.common", "dev.tollgate.oauth1",
                        "dev.tollgate.oauth2", "dev.tollgate.oidc", "dev.tollgate.jwt", "dev.tollgate.par",
                        "dev.tollgate.dpop", "dev.tollgate.device", "dev.tollgate.jakarta")
                .addAsResource("META-INF/tollgate-orm.xml")
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile());
    }
}
