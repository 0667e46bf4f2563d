--liquibase formatted sql
-- What deploy-service knows of other services, learned from their events only (never their tables).

--changeset lormas:deploy-001-egg
create table egg (
    egg_id          uuid        not null primary key,
    name            text        not null,
    latest_version  int         not null,
    removed         boolean     not null default false,
    updated_at      timestamptz not null default now()
);
comment on table egg is 'Projection of catalog.egg: the newest version new servers get; removed eggs take no new servers';

create table egg_version (
    egg_id        uuid        not null,
    version       int         not null,
    name          text        not null,
    definition    jsonb       not null,
    published_at  timestamptz not null default now(),
    primary key (egg_id, version)
);
comment on table egg_version is 'Every published egg version (EggDefinition as JSON): a server keeps the version it was created with';

--changeset lormas:deploy-001-plan
create table plan (
    plan_id         uuid          not null primary key,
    version         int           not null,
    name            text          not null,
    cpu_millis      bigint        not null,
    memory_mib      bigint        not null,
    swap_mib        bigint        not null,
    disk_mib        bigint        not null,
    io_weight       int           not null,
    ports           int           not null,
    max_replicas    int           not null,
    hourly_price    numeric(20,6) not null,
    currency        text          not null,
    active          boolean       not null,
    retired         boolean       not null default false,
    updated_at      timestamptz   not null default now()
);
comment on table plan is 'Projection of catalog.plan: resources a new server gets; servers copy them at creation';

--changeset lormas:deploy-001-node
create table node (
    node_id                         uuid        not null primary key,
    name                            text        not null,
    region                          text        not null,
    fqdn                            text        not null,
    cpu_millis                      bigint      not null,
    memory_mib                      bigint      not null,
    disk_mib                        bigint      not null,
    cpu_overallocation_percent      int         not null default 0,
    memory_overallocation_percent   int         not null default 0,
    disk_overallocation_percent     int         not null default 0,
    port_ranges                     jsonb       not null default '[]',
    port_capacity                   int         not null default 0,
    labels                          jsonb       not null default '{}',
    status                          text        not null,
    schedulable                     boolean     not null default true,
    maintenance                     boolean     not null default false,
    online                          boolean     not null default false,
    session_epoch                   bigint      not null default 0,
    removed                         boolean     not null default false,
    cpu_used                        bigint      not null default 0,
    memory_used                     bigint      not null default 0,
    disk_used                       bigint      not null default 0,
    ports_used                      int         not null default 0,
    last_reconcile_requested_at     timestamptz,
    updated_at                      timestamptz not null default now(),
    constraint node_usage_not_negative check (cpu_used >= 0 and memory_used >= 0 and disk_used >= 0 and ports_used >= 0)
);
comment on table node is 'Projection of node.node (facts, presence) plus what deploy-service reserved on each node (*_used)';
comment on column node.cpu_used is 'sum of the limits of servers placed here; changed only in the transaction that places or frees a server';
create index node_region on node (region) where not removed;

--changeset lormas:deploy-001-user
create table app_user (
    user_id     uuid        not null primary key,
    status      text        not null check (status in ('active', 'suspended', 'deleted')),
    updated_at  timestamptz not null default now()
);
comment on table app_user is 'Projection of identity.user: only the account status matters here';

--changeset lormas:deploy-001-grant
create table resource_grant (
    grant_id       uuid        not null primary key,
    user_id        uuid        not null,
    resource_type  text        not null,
    resource_id    uuid        not null,
    permissions    text[]      not null,
    granted_by     uuid,
    updated_at     timestamptz not null default now(),
    unique (user_id, resource_type, resource_id)
);
comment on table resource_grant is 'Projection of identity.grant: what subusers may do on one server';
create index resource_grant_resource on resource_grant (resource_type, resource_id);
