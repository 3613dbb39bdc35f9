package dev.tollgate.oauth1;

/** The Twitter / X "Creating a signature" example, as a request sent with its parameters in the body. */
final class TwitterExample {

    static final String CLIENT_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    static final String TOKEN_SECRET = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
    static final String SIGNATURE = "hCtSmYh+iHYCEqBWrE7C7hYmtUk=";
    static final String BASE_STRING = "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities"
            + "%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"
            + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZ"
            + "eRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a"
            + "%2520signed%2520OAuth%2520request%2521";

    private TwitterExample() {
    }

    static SignedRequestBuilder request() {
        return new SignedRequestBuilder("POST", "https://api.twitter.com/1.1/statuses/update.json?include_entities=true")
                .bodyParameter("status", "Hello Ladies + Gentlemen, a signed OAuth request!")
                .oauth("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog")
                .oauth("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg")
                .oauth("oauth_signature_method", "HMAC-SHA1")
                .oauth("oauth_timestamp", "1318622958")
                .oauth("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb")
                .oauth("oauth_version", "1.0");
    }
}
