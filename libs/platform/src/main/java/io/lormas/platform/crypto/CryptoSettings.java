package io.lormas.platform.crypto;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for {@link SecretBox}.
 *
 * @param keys key id to base64-encoded 256-bit key; ids are short words such as {@code k2026a}
 * @param activeKey the id that encrypts; every listed key still decrypts (rotation)
 */
@ConfigurationProperties("lormas.crypto")
public record CryptoSettings(@Nullable Map<String, String> keys, @Nullable String activeKey) {

    @Override
    public String toString() {
        return "CryptoSettings[keys=" + (keys == null ? "[]" : keys.keySet()) + ", activeKey=" + activeKey + "]";
    }
}
