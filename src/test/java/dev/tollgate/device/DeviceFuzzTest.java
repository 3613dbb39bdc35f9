package dev.tollgate.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import java.util.Map;

/**
 * The device flow's inputs, fuzzed: form bodies at the device authorization and token endpoints, and what a person
 * types as a user code. Every input is answered, never thrown, and never with a 5xx.
 */
class DeviceFuzzTest {

    private static final DeviceFixture F = new DeviceFixture();

    @FuzzTest
    void endpointForms(FuzzedDataProvider data) {
        boolean token = data.consumeBoolean();
        String form = data.consumeRemainingAsString();
        OAuth2Response response;
        try {
            OAuth2Request request = OAuth2Request.of("POST", DeviceFixture.ISSUER
                    + (token ? "/oauth2/token" : "/oauth2/device_authorization"), Map.of(), form,
                    FormUrlEncoding.CONTENT_TYPE);
            response = token ? F.server.createTokenResponse(request)
                    : F.server.createEndpointResponse(DeviceAuthorizationEndpoint.NAME, request);
        } catch (OAuth2Error refused) {
            return; // OAuth2Request refuses a malformed or oversized body before the endpoints see it
        }
        assertTrue(response.status() == 200 || response.status() == 400 || response.status() == 401,
                response + " " + response.body());
    }

    @FuzzTest
    void userCodeEntry(FuzzedDataProvider data) {
        String entered = data.consumeRemainingAsString();
        String code = UserCode.normalize(entered);
        assertTrue(code == null || code.chars().allMatch(c -> UserCode.ALPHABET.indexOf(c) >= 0), code);
        DeviceVerification.Lookup lookup = F.verification.lookup(entered, new Visitor(entered, entered));
        assertTrue(lookup.outcome() != DeviceVerification.Outcome.OK || code != null, entered);
    }
}
