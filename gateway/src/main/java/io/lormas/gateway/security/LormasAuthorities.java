package io.lormas.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Authorities from identity-service's claims, as the services read them: {@code ROLE_<role>},
 * {@code PERM_<permission>}, {@code SCOPE_<scope>}, plus {@code TYPE_<principal_type>} (user, client, agent).
 * The principal's name is the token's {@code sub}: the user id, or the client id for clients and agents.
 */
final class LormasAuthorities implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    static final String USER = "TYPE_user";
    static final String CLIENT = "TYPE_client";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        values(jwt.getClaim("roles")).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        values(jwt.getClaim("permissions")).forEach(p -> authorities.add(new SimpleGrantedAuthority("PERM_" + p)));
        values(jwt.getClaim("scope")).forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        values(jwt.getClaim("principal_type")).forEach(type -> authorities.add(new SimpleGrantedAuthority("TYPE_" + type)));
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    /** A claim as strings: a JSON array, or a space-separated string (OAuth's usual {@code scope}). */
    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }
}
