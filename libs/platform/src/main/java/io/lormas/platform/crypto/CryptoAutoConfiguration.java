package io.lormas.platform.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/** A {@link SecretBox} from {@code lormas.crypto.*}; created on first use, so services without secrets need no key. */
@AutoConfiguration
@EnableConfigurationProperties(CryptoSettings.class)
public class CryptoAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    SecretBox secretBox(CryptoSettings settings) {
        return SecretBox.from(settings);
    }
}
