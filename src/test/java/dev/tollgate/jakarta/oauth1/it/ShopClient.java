package dev.tollgate.jakarta.oauth1.it;

import dev.tollgate.oauth1.OAuth1Client;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** An application's own client entity, implementing the model interface instead of using Tollgate's entity. */
@Entity
@Table(name = "SHOP_CLIENT")
public class ShopClient implements OAuth1Client {

    @Id
    private String consumerKey;

    private String consumerSecret;

    private String callbackUri;

    protected ShopClient() {
    }

    public ShopClient(String consumerKey, String consumerSecret, String callbackUri) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.callbackUri = callbackUri;
    }

    @Override
    public String getClientId() {
        return consumerKey;
    }

    @Override
    public String getClientSecret() {
        return consumerSecret;
    }

    @Override
    public String getRsaPublicKey() {
        return null;
    }

    @Override
    public String getDefaultRedirectUri() {
        return callbackUri;
    }

    @Override
    public List<String> getRedirectUris() {
        return List.of(callbackUri);
    }
}
