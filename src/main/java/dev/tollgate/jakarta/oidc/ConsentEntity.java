package dev.tollgate.jakarta.oidc;

import dev.tollgate.oauth2.Scope;
import dev.tollgate.oidc.Consent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A remembered consent: one row per subject and client. */
@Entity
@Table(name = "TOLLGATE_CONSENT", indexes = @Index(name = "IX_TG_CONSENT_SUBJECT", columnList = "SUBJECT"))
public class ConsentEntity {

    /** The subject and the client id, joined by a line break, which neither may hold. */
    @Id
    @Column(name = "ID", length = 400)
    private String id;

    @Column(name = "SUBJECT", nullable = false, length = 255)
    private String subject;

    @Column(name = "CLIENT_ID", nullable = false, length = 128)
    private String clientId;

    @Column(name = "SCOPE", nullable = false, length = 2000)
    private String scope;

    @Column(name = "GRANTED_AT", nullable = false)
    private long grantedAt;

    protected ConsentEntity() {
    }

    static String id(String subject, String clientId) {
        return subject + "\n" + clientId;
    }

    ConsentEntity(Consent consent) {
        this.id = id(consent.subject(), consent.clientId());
        this.subject = consent.subject();
        this.clientId = consent.clientId();
        update(consent);
    }

    void update(Consent consent) {
        this.scope = Scope.format(consent.scope());
        this.grantedAt = consent.grantedAt().toEpochMilli();
    }

    Consent toConsent() {
        return new Consent(subject, clientId, Scope.parse(scope), Instant.ofEpochMilli(grantedAt));
    }
}
