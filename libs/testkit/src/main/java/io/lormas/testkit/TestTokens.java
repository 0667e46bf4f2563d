package io.lormas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A token issuer for tests: an RSA key, a JWKS endpoint ({@code <issuer>/oauth2/jwks}) and signed access tokens
 * shaped like identity-service's. {@link #shared()} is one issuer per JVM; services under test point
 * {@code lormas.security.issuer} at {@link #issuer()}.
 * <pre>{@code
 * String admin = TestTokens.shared().user(adminId).roles("admin").sign();
 * String client = TestTokens.shared().client("ci-bot", ownerId).permissions("servers.read").sign();
 * }</pre>
 */
public final class TestTokens {

    private static volatile TestTokens shared;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        byte[] discovery = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/oauth2/jwks\"}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/openid-configuration", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, discovery.length);
            exchange.getResponseBody().write(discovery);
            exchange.close();
        });
        server.start();
    }

    public static TestTokens shared() {
        if (shared == null) {
            synchronized (TestTokens.class) {
                if (shared == null) {
                    shared = new TestTokens();
                }
            }
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A user's token ({@code sub} = user id). */
    public Builder user(UUID userId) {
        return new Builder(userId.toString()).claim("principal_type", "user");
    }

    /** An integrator client acting for {@code ownerId}; its permissions are its granted scopes. */
    public Builder client(String clientId, UUID ownerId) {
        return new Builder(clientId).claim("principal_type", "client").claim("owner_id", ownerId.toString());
    }

    /** A platform client without an owner (e.g. node-service calling identity). */
    public Builder platformClient(String clientId) {
        return new Builder(clientId).claim("principal_type", "client");
    }

    /** A node agent's token. */
    public Builder agent(UUID nodeId) {
        return new Builder("node-" + nodeId).claim("principal_type", "agent").claim("node_id", nodeId.toString())
                .scopes("agent");
    }

    /** Builds one token; defaults: valid for 5 minutes, signed with the issuer's key. */
    public final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);
        private String tokenIssuer = issuer;
        private boolean foreign;

        private Builder(String subject) {
            claims.put("sub", subject);
        }

        public Builder roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        public Builder permissions(String... permissions) {
            return claim("permissions", List.of(permissions));
        }

        public Builder scopes(String... scopes) {
            return claim("scope", List.of(scopes));
        }

        public Builder claim(String name, @Nullable Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value instanceof Collection<?> values ? new ArrayList<>(values) : value);
            }
            return this;
        }

        public Builder issuer(String otherIssuer) {
            this.tokenIssuer = otherIssuer;
            return this;
        }

        /** Expired a minute ago (beyond the usual clock skew allowance). */
        public Builder expired() {
            issuedAt = Instant.now().minus(Duration.ofMinutes(10));
            lifetime = Duration.ofMinutes(5);
            return this;
        }

        public Builder lifetime(Duration value) {
            lifetime = value;
            return this;
        }

        /** Signed with a key the JWKS does not have (same key id: the signature must be checked, not the kid). */
        public Builder signedWithForeignKey() {
            foreign = true;
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer(tokenIssuer)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString());
            claims.forEach(set::claim);
            RSAKey signingKey = foreign ? foreignKey : key;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), set.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** The same claims with {@code alg: none} and no signature: must be refused everywhere. */
        public String unsigned() {
            Map<String, Object> body = new LinkedHashMap<>(claims);
            body.put("iss", tokenIssuer);
            body.put("iat", issuedAt.getEpochSecond());
            body.put("exp", issuedAt.plus(lifetime).getEpochSecond());
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = encoder.encodeToString(new com.nimbusds.jose.shaded.gson.Gson().toJson(body)
                    .getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + ".";
        }
    }
}
