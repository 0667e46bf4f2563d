package io.lormas.identity.key;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.identity.IdentitySettings;
import io.lormas.platform.crypto.SecretBox;

/**
 * The token signing keys, persisted encrypted and shared by every replica. {@link #get} answers with every
 * published key (the JWKS endpoint and local validation); {@link #signingSource()} with the one key that signs
 * now. A rotated-in key is published {@code publication-delay} before it signs, so replicas and resource servers
 * (which cache the JWKS) know it before they meet a token signed with it; a retired key stays published for
 * {@code retention}, longer than any token it signed.
 */
@Component
public class KeyRing implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    /** How long a replica trusts its copy of the keys; shorter than the publication delay. */
    private static final Duration RELOAD_AFTER = Duration.ofSeconds(30);

    private final SigningKeys keys;
    private final SecretBox secrets;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentitySettings.SigningKeys settings;
    private final Clock clock = Clock.systemUTC();

    private volatile Loaded loaded = new Loaded(List.of(), Instant.EPOCH);

    /** Decrypted keys, newest activation first, with the time they were read. */
    private record Loaded(List<Entry> entries, Instant at) {
    }

    private record Entry(JWK jwk, Instant activatesAt) {
    }

    KeyRing(SigningKeys keys, SecretBox secrets, JdbcClient jdbc, TransactionTemplate transactions,
            IdentitySettings settings) {
        this.keys = keys;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings.signingKeys();
    }

    /** Creates the first key when there is none (first start); safe on several replicas at once. */
    public void ensureKey() {
        transactions.executeWithoutResult(status -> {
            lock();
            if (keys.unretired() == 0) {
                SigningKey key = newKey(clock.instant());
                keys.insert(key);
                log.info("created the first token signing key {}", key.kid());
            }
        });
        reload();
    }

    /**
     * Adds a key that signs after the publication delay and retires the current one from then on.
     *
     * @return the new key (public part and timing only)
     */
    public SigningKey rotate() {
        SigningKey key = transactions.execute(status -> {
            lock();
            SigningKey created = newKey(clock.instant().plus(settings.publicationDelay()));
            keys.insert(created);
            keys.retireAllBut(created.kid(), created.activatesAt());
            return created;
        });
        log.info("rotated token signing keys: {} signs from {}", key.kid(), key.activatesAt());
        reload();
        return key;
    }

    /** Every key with its state, newest first; no private parts. */
    public List<SigningKey> list() {
        return keys.all().stream().map(k -> new SigningKey(k.kid(), k.algorithm(), k.publicJwk(), "", k.createdAt(),
                k.activatesAt(), k.retiredAt())).toList();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> all = current().entries().stream().map(Entry::jwk).toList();
        return selector.select(new JWKSet(all));
    }

    /** A source holding only the key that signs now: the encoder must find exactly one. */
    public JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> {
            Instant now = clock.instant();
            JWK signing = current().entries().stream().filter(e -> !e.activatesAt().isAfter(now)).findFirst()
                    .map(Entry::jwk)
                    .orElseThrow(() -> new IllegalStateException("no active token signing key"));
            return selector.select(new JWKSet(signing));
        };
    }

    private Loaded current() {
        Loaded snapshot = loaded;
        if (snapshot.entries().isEmpty() || snapshot.at().plus(RELOAD_AFTER).isBefore(clock.instant())) {
            snapshot = reload();
        }
        return snapshot;
    }

    private synchronized Loaded reload() {
        List<Entry> entries = new ArrayList<>();
        for (SigningKey key : keys.published(clock.instant().minus(settings.retention()))) {
            try {
                JWK jwk = JWK.parse(secrets.decrypt(key.privateJwk(), context(key.kid())));
                entries.add(new Entry(jwk, key.activatesAt()));
            } catch (ParseException e) {
                throw new IllegalStateException("signing key " + key.kid() + " is not a valid JWK", e);
            }
        }
        Loaded fresh = new Loaded(List.copyOf(entries), clock.instant());
        loaded = fresh;
        return fresh;
    }

    private SigningKey newKey(Instant activatesAt) {
        try {
            RSAKey rsa = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            return new SigningKey(rsa.getKeyID(), JWSAlgorithm.RS256.getName(), rsa.toPublicJWK().toJSONString(),
                    secrets.encrypt(rsa.toJSONString(), context(rsa.getKeyID())), null, activatesAt, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('identity.signing-keys'))").query().singleValue();
    }

    private static String context(String kid) {
        return "identity.signing-key:" + kid;
    }
}
