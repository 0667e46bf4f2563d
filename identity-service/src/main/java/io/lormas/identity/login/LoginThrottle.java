package io.lormas.identity.login;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.lormas.identity.IdentitySettings;
import io.lormas.identity.security.HighEntropySecretEncoder;

/**
 * Counts failed sign-ins per account and per client IP in Redis ({@code lormas:identity:login-failures:*}, expiring
 * after the window). Past the limit, sign-in is refused until the window ends, even with the right password, so
 * guessing stays slow. Emails are hashed in the keys. When Redis is unreachable sign-in still works (logged):
 * locking everyone out would be worse.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String PREFIX = "lormas:identity:login-failures:";

    private final StringRedisTemplate redis;
    private final IdentitySettings.Login settings;

    LoginThrottle(StringRedisTemplate redis, IdentitySettings settings) {
        this.redis = redis;
        this.settings = settings.login();
    }

    /** How long sign-in stays refused for this account or address; null when it is allowed. */
    public @Nullable Duration blockedFor(@Nullable String email, String ip) {
        try {
            Duration account = email == null ? null
                    : exceeded(accountKey(email), settings.maxFailuresPerAccount());
            Duration address = exceeded(ipKey(ip), settings.maxFailuresPerIp());
            if (account == null) {
                return address;
            }
            return address == null || account.compareTo(address) > 0 ? account : address;
        } catch (RuntimeException e) {
            log.warn("login throttling unavailable (Redis): {}", e.toString());
            return null;
        }
    }

    public void failed(@Nullable String email, String ip) {
        try {
            if (email != null && !email.isBlank()) {
                increment(accountKey(email));
            }
            increment(ipKey(ip));
        } catch (RuntimeException e) {
            log.warn("login throttling unavailable (Redis): {}", e.toString());
        }
    }

    /** A successful sign-in clears the account's count (not the address's: one success must not reset guessing). */
    public void succeeded(String email) {
        try {
            redis.delete(accountKey(email));
        } catch (RuntimeException e) {
            log.warn("login throttling unavailable (Redis): {}", e.toString());
        }
    }

    private @Nullable Duration exceeded(String key, int max) {
        String count = redis.opsForValue().get(key);
        if (count == null || Long.parseLong(count) < max) {
            return null;
        }
        Long ttl = redis.getExpire(key);
        return ttl == null || ttl < 1 ? Duration.ofSeconds(1) : Duration.ofSeconds(ttl);
    }

    private void increment(String key) {
        Long count = redis.opsForValue().increment(key);
        if (count != null && count == 1) {
            redis.expire(key, settings.window());
        }
    }

    private static String accountKey(String email) {
        return PREFIX + "account:" + HexFormat.of().formatHex(HighEntropySecretEncoder.digest(
                email.trim().toLowerCase(Locale.ROOT))).substring(0, 32);
    }

    private static String ipKey(String ip) {
        return PREFIX + "ip:" + ip;
    }
}
