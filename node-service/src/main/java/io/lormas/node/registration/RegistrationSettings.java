package io.lormas.node.registration;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl how long a registration token works (short: it is a secret sent to whoever installs the agent)
 * @param publicUrl the gateway's public URL; agents get {@code <publicUrl>/oauth2/token} and
 *        {@code ws(s)://.../agent/connect} from it
 */
@ConfigurationProperties("lormas.node.registration")
public record RegistrationSettings(@DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    public RegistrationSettings {
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("lormas.node.registration.token-ttl must be between 1 s and 7 days");
        }
        String scheme = publicUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("lormas.node.registration.public-url must be an http(s) URL, was "
                    + publicUrl);
        }
    }

    public String tokenUrl() {
        return base() + "/oauth2/token";
    }

    public String connectUrl() {
        String base = base();
        return (base.startsWith("https:") ? "wss:" + base.substring(6) : "ws:" + base.substring(5)) + "/agent/connect";
    }

    private String base() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
