package io.lormas.platform.web;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Remembered responses per (caller, Idempotency-Key) in the service's database (table {@code idempotency_key}). */
public class IdempotencyStore {

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves the key; false when it is already taken (finished or in progress) and not expired. */
    boolean claim(String owner, String key, String fingerprint, Duration ttl) {
        jdbc.sql("delete from idempotency_key where owner = ? and idem_key = ? and expires_at < now()")
                .params(owner, key).update();
        return jdbc.sql("""
                insert into idempotency_key (owner, idem_key, fingerprint, created_at, expires_at)
                values (?, ?, ?, now(), now() + make_interval(secs => ?))
                on conflict do nothing
                """).params(owner, key, fingerprint, (double) ttl.toSeconds()).update() == 1;
    }

    Optional<StoredResponse> find(String owner, String key) {
        return jdbc.sql("""
                select fingerprint, status, content_type, location, body from idempotency_key
                where owner = ? and idem_key = ? and expires_at >= now()
                """).params(owner, key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    void complete(String owner, String key, int status, @Nullable String contentType, @Nullable String location,
            byte[] body) {
        jdbc.sql("""
                update idempotency_key set status = ?, content_type = ?, location = ?, body = ?
                where owner = ? and idem_key = ?
                """).params(status, contentType, location, body, owner, key).update();
    }

    void release(String owner, String key) {
        jdbc.sql("delete from idempotency_key where owner = ? and idem_key = ? and status is null").params(owner, key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.sql("delete from idempotency_key where expires_at < now()").update();
    }

    record StoredResponse(String fingerprint, @Nullable Integer status, @Nullable String contentType,
            @Nullable String location, byte @Nullable [] body) {

        @Override
        public byte[] body() {
            return body == null ? new byte[0] : body;
        }
    }
}
