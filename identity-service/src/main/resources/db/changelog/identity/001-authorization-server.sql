--liquibase formatted sql

-- Spring Authorization Server's JDBC schema (oauth2-*-schema.sql of spring-security-oauth2-authorization-server),
-- adapted to PostgreSQL as its header advises: blob -> text, timestamp -> timestamptz.

--changeset lormas:identity-001-registered-client
create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null unique,
    client_id_issued_at           timestamptz   not null default current_timestamp,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(4000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);
comment on table oauth2_registered_client is 'OAuth2 clients (Spring Authorization Server); secrets are hashes';

--changeset lormas:identity-001-authorization
create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(4000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(4000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
comment on table oauth2_authorization is 'Grants in progress and issued tokens (Spring Authorization Server)';
-- SAS looks tokens up by value; hash indexes keep that fast without indexing long values in a b-tree
create index oauth2_authorization_state on oauth2_authorization using hash (state);
create index oauth2_authorization_code on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access_token on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_refresh_token on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_principal on oauth2_authorization (principal_name);
create index oauth2_authorization_client on oauth2_authorization (registered_client_id);

--changeset lormas:identity-001-authorization-consent
create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(4000) not null,
    primary key (registered_client_id, principal_name)
);

--changeset lormas:identity-001-retired-refresh-token
create table retired_refresh_token (
    token_hash       text         not null primary key,
    authorization_id varchar(100) not null,
    retired_at       timestamptz  not null default now()
);
comment on table retired_refresh_token is 'SHA-256 of refresh tokens replaced by rotation: presenting one again revokes its whole authorization (token family)';
create index retired_refresh_token_retired_at on retired_refresh_token (retired_at);

--changeset lormas:identity-001-signing-key
create table signing_key (
    kid           text        not null primary key,
    algorithm     text        not null,
    public_jwk    text        not null,
    private_jwk   text        not null,
    created_at    timestamptz not null default now(),
    activates_at  timestamptz not null,
    retired_at    timestamptz
);
comment on table signing_key is 'Token signing keys; private_jwk is encrypted (SecretBox). The newest active key signs, every unexpired key is published';
comment on column signing_key.activates_at is 'published before it signs, so caches of the JWKS know it first';
