package io.lormas.identity.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.identity.security.HighEntropySecretEncoder;

/**
 * Refresh-token rotation with reuse detection around SAS's JDBC authorization service. When a refresh replaces a
 * refresh token, the old one is remembered (hashed); when a remembered token is presented again, someone holds a
 * copy of it, so the whole authorization (the token family: its access and refresh tokens) is revoked and the
 * user signs in again. SAS rotates but forgets the old token, which then merely fails.
 * <p>
 * Also removes authorizations whose tokens have all expired, so the table does not grow with every token.
 */
public class RefreshTokenFamilies implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenFamilies.class);

    private final OAuth2AuthorizationService delegate;
    private final RetiredRefreshTokens retired;
    private final TransactionTemplate transactions;
    private final Duration refreshTokenTtl;

    public RefreshTokenFamilies(OAuth2AuthorizationService delegate, RetiredRefreshTokens retired,
            TransactionTemplate transactions, Duration refreshTokenTtl) {
        this.delegate = delegate;
        this.retired = retired;
        this.transactions = transactions;
        this.refreshTokenTtl = refreshTokenTtl;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
        if (refresh == null) {
            delegate.save(authorization);
            return;
        }
        transactions.executeWithoutResult(status -> {
            OAuth2Authorization previous = delegate.findById(authorization.getId());
            if (previous != null && previous.getRefreshToken() != null) {
                String old = previous.getRefreshToken().getToken().getTokenValue();
                if (!old.equals(refresh.getToken().getTokenValue())) {
                    retired.insert(hash(old), authorization.getId());
                }
            }
            delegate.save(authorization);
        });
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        OAuth2Authorization found = delegate.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            retired.authorizationOf(hash(token)).map(delegate::findById).ifPresent(family -> {
                delegate.remove(family);
                log.warn("a rotated refresh token was presented again: revoked authorization {} of client {} for {}",
                        family.getId(), family.getRegisteredClientId(), family.getPrincipalName());
            });
        }
        return found;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT15M")
    void removeExpired() {
        Instant now = Instant.now();
        int authorizations = retired.deleteExpiredAuthorizations(now.minus(Duration.ofMinutes(5)));
        int tokens = retired.deleteRetiredBefore(now.minus(refreshTokenTtl));
        if (authorizations + tokens > 0) {
            log.debug("removed {} expired authorizations and {} retired refresh tokens", authorizations, tokens);
        }
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(HighEntropySecretEncoder.digest(token));
    }
}
