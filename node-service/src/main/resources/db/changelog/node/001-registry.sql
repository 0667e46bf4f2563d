--liquibase formatted sql

--changeset lormas:node-001-region
create table region (
    id          uuid primary key,
    code        text not null unique,
    name        text not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     int not null default 0
);
comment on table region is 'Where nodes are (a location, e.g. eu-west); servers are placed by region';

--changeset lormas:node-001-node
create table node (
    id                             uuid primary key,
    name                           text not null unique,
    description                    text,
    region_id                      uuid not null references region (id),
    fqdn                           text not null,
    addresses                      jsonb not null default '[]',
    labels                         jsonb not null default '{}',
    cpu_millis                     bigint not null check (cpu_millis > 0),
    memory_mib                     bigint not null check (memory_mib > 0),
    disk_mib                       bigint not null check (disk_mib > 0),
    cpu_overallocation_percent     int not null default 0 check (cpu_overallocation_percent >= 0),
    memory_overallocation_percent  int not null default 0 check (memory_overallocation_percent >= 0),
    disk_overallocation_percent    int not null default 0 check (disk_overallocation_percent >= 0),
    maintenance                    boolean not null default false,
    schedulable                    boolean not null default true,
    enabled                        boolean not null default true,
    -- registration and presence (written by the agent's session, not by admins)
    registered_at                  timestamptz,
    hostname                       text,
    online                         boolean not null default false,
    session_epoch                  bigint not null default 0,
    last_heartbeat_at              timestamptz,
    -- the five statuses follow from the flags above, so they can never disagree with them
    status                         text generated always as (
                                       case
                                           when maintenance then 'MAINTENANCE'
                                           when registered_at is null then 'PENDING'
                                           when not enabled then 'INACTIVE'
                                           when online then 'ACTIVE'
                                           else 'NOT_READY'
                                       end) stored,
    -- host facts from the agent's hello
    agent_version                  text,
    protocol_version               int,
    os                             text,
    kernel                         text,
    architecture                   text,
    cpu_model                      text,
    cpu_count                      int,
    host_memory_mib                bigint,
    host_disk_mib                  bigint,
    engine                         text,
    engine_version                 text,
    -- usage from heartbeats (written in batches; Redis holds the fresh value)
    cpu_percent                    double precision,
    memory_used_mib                bigint,
    memory_total_mib               bigint,
    disk_used_mib                  bigint,
    disk_total_mib                 bigint,
    usage_at                       timestamptz,
    created_at                     timestamptz not null default now(),
    updated_at                     timestamptz not null default now(),
    version                        int not null default 0
);
create index node_region on node (region_id);
create index node_online on node (id) where online;
comment on table node is 'A machine running the Lormas agent; capacity, ports and flags are set by admins, facts and presence by its agent';
comment on column node.session_epoch is 'Increases with every agent session (hello); frames of an older session are refused';
comment on column node.version is 'Optimistic lock for admin edits (PATCH)';

--changeset lormas:node-001-port-range
create table node_port_range (
    node_id    uuid not null references node (id) on delete cascade,
    ip         text not null,
    port_from  int not null check (port_from between 1 and 65535),
    port_to    int not null check (port_to between 1 and 65535),
    primary key (node_id, ip, port_from),
    check (port_from <= port_to)
);
comment on table node_port_range is 'Ports a node offers to servers (deploy-service decides which server holds which port)';

--changeset lormas:node-001-registration-token
create table registration_token (
    node_id        uuid primary key references node (id) on delete cascade,
    token_hash     bytea not null unique,
    expires_at     timestamptz not null,
    claimed_until  timestamptz,
    created_at     timestamptz not null default now()
);
comment on table registration_token is 'One-time tokens an agent trades for its OAuth client (SHA-256 of the token only; the row is deleted when used)';
comment on column registration_token.claimed_until is 'Set while a registration is calling identity-service, so a second use of the same token waits or fails';

--changeset lormas:node-001-node-server
create table node_server (
    node_id     uuid not null references node (id) on delete cascade,
    server_id   text not null,
    created_at  timestamptz not null default now(),
    primary key (node_id, server_id)
);
comment on table node_server is 'Servers deploy-service sent commands for to a node: the only servers whose console, stats and events that node''s agent may report';
