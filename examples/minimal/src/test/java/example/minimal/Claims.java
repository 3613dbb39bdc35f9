package example.minimal;

import dev.tollgate.oidc.ClaimsSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class Claims implements ClaimsSource {

    public Map<String, Object> claims(String subject, Set<String> names) {
        return Map.of("name", "Alice Liddell");
    }
}
