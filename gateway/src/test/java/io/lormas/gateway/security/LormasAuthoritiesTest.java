package io.lormas.gateway.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class LormasAuthoritiesTest {

    @Test
    void readsRolesPermissionsScopesAndPrincipalType() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("ci-bot")
                .claim("roles", List.of("admin")).claim("permissions", List.of("servers.read"))
                .claim("scope", "agent servers.write").claim("principal_type", "client")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();

        AbstractAuthenticationToken authentication = new LormasAuthorities().convert(jwt).block();

        assertThat(authentication.getName()).isEqualTo("ci-bot");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_admin", "PERM_servers.read", "SCOPE_agent", "SCOPE_servers.write",
                        "TYPE_client");
    }
}
