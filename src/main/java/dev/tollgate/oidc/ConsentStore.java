package dev.tollgate.oidc;

import java.util.List;
import java.util.Optional;

/** Where remembered consents live (a database table), one per subject and client. */
public interface ConsentStore {

    Optional<Consent> find(String subject, String clientId);

    /** Stores a consent, replacing the subject's earlier one for the client. */
    void save(Consent consent);

    /** A subject's consents, for the page where they review and withdraw them. */
    List<Consent> findBySubject(String subject);

    /** Withdraws a consent; whether there was one. */
    boolean delete(String subject, String clientId);
}
