--liquibase formatted sql

--changeset lormas:identity-002-user
create table app_user (
    id                uuid        not null primary key,
    email             text        not null,
    password_hash     text        not null,
    display_name      text,
    status            text        not null default 'active' check (status in ('active', 'suspended')),
    suspended_reason  text,
    totp_secret       text,
    totp_enabled_at   timestamptz,
    totp_last_step    bigint,
    last_login_at     timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           int         not null default 0
);
comment on table app_user is 'People who sign in; password_hash is Argon2id, totp_secret is encrypted (SecretBox)';
comment on column app_user.totp_last_step is 'last accepted TOTP time step: a code is accepted once';
create unique index app_user_email_unique on app_user (lower(email));

--changeset lormas:identity-002-role
create table role (
    id          uuid        not null primary key,
    name        text        not null unique,
    description text,
    system      boolean     not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     int         not null default 0
);
comment on table role is 'Named permission sets; system roles (admin, support, customer) are kept in sync with the code';

create table role_permission (
    role_id    uuid not null references role (id) on delete cascade,
    permission text not null,
    primary key (role_id, permission)
);

create table user_role (
    user_id uuid not null references app_user (id) on delete cascade,
    role_id uuid not null references role (id),
    primary key (user_id, role_id)
);
create index user_role_role on user_role (role_id);

create table user_permission_override (
    user_id    uuid not null references app_user (id) on delete cascade,
    permission text not null,
    effect     text not null check (effect in ('grant', 'deny')),
    primary key (user_id, permission)
);
comment on table user_permission_override is 'Per-user exceptions to the permissions of their roles';

--changeset lormas:identity-002-recovery-code
create table recovery_code (
    user_id   uuid        not null references app_user (id) on delete cascade,
    code_hash text        not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);
comment on table recovery_code is 'One-time 2FA recovery codes (SHA-256 of the code)';

--changeset lormas:identity-002-client
create table oauth_client (
    client_id         varchar(100) not null primary key references oauth2_registered_client (client_id) on delete cascade,
    kind              text         not null check (kind in ('integrator', 'agent', 'service', 'console')),
    name              text         not null,
    owner_id          uuid         references app_user (id) on delete cascade,
    node_id           uuid         unique,
    created_at        timestamptz  not null default now(),
    secret_rotated_at timestamptz
);
comment on table oauth_client is 'Who an OAuth client belongs to: an integrator''s owner, a node agent''s node, or the platform';
create index oauth_client_owner on oauth_client (owner_id);

--changeset lormas:identity-002-grant
create table resource_grant (
    id            uuid        not null primary key,
    user_id       uuid        not null references app_user (id) on delete cascade,
    resource_type text        not null,
    resource_id   uuid        not null,
    granted_by    uuid        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int         not null default 0,
    unique (resource_type, resource_id, user_id)
);
comment on table resource_grant is 'Subusers: what a user may do on one resource of someone else';
create index resource_grant_user on resource_grant (user_id);

create table resource_grant_permission (
    grant_id   uuid not null references resource_grant (id) on delete cascade,
    permission text not null,
    primary key (grant_id, permission)
);

--changeset lormas:identity-002-resource-owner
create table resource_owner (
    resource_type text        not null,
    resource_id   uuid        not null,
    owner_id      uuid        not null,
    updated_at    timestamptz not null default now(),
    primary key (resource_type, resource_id)
);
comment on table resource_owner is 'Projection: who owns a resource of another service (for checking who may grant on it)';
