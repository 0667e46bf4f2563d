package io.lormas.identity.key;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Api;
import io.lormas.identity.support.Api.Answer;
import io.lormas.identity.support.IdentityIT;

/** Rotating the signing key keeps tokens signed with the old key valid while the old key is published. */
@IdentityIT
class SigningKeyRotationIT {

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Test
    void rotationAddsAKeyAndOldTokensStillValidate() {
        Accounts accounts = new Accounts(issuer);
        String before = accounts.nodeServiceToken();
        String oldKid = header(before);

        Answer rotated = accounts.api().post("/api/identity/admin/signing-keys", null, accounts.adminToken());

        assertThat(rotated.status()).isEqualTo(201);
        String newKid = rotated.text("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        Answer jwks = accounts.api().get("/oauth2/jwks", null);
        assertThat(jwks.raw().body()).contains(oldKid).contains(newKid).doesNotContain("\"d\"");
        String after = accounts.nodeServiceToken();
        assertThat(header(after)).isEqualTo(newKid);
        assertThat(accounts.api().post("/api/identity/agent-clients", java.util.Map.of("nodeId", java.util.UUID.randomUUID()),
                before).status()).as("a token signed with the retired key").isEqualTo(201);
        Answer listed = accounts.api().get("/api/identity/admin/signing-keys", accounts.adminToken());
        assertThat(listed.body().path("items").valueStream().map(k -> k.path("state").asString()).toList())
                .contains("active", "retired");
        assertThat(listed.raw().body()).doesNotContain("private").doesNotContain("v1:");
    }

    private static String header(String jwt) {
        return Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).path("kid").asString();
    }
}
