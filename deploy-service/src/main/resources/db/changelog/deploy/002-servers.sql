--liquibase formatted sql

--changeset lormas:deploy-002-server
create table server (
    id                  uuid        not null primary key,
    name                text        not null,
    owner_id            uuid        not null,
    egg_id              uuid        not null,
    egg_version         int         not null,
    plan_id             uuid        not null,
    region              text        not null,
    node_id             uuid        not null references node (node_id),
    image               text        not null,
    startup             text        not null,
    cpu_millis          bigint      not null,
    memory_mib          bigint      not null,
    swap_mib            bigint      not null,
    disk_mib            bigint      not null,
    io_weight           int         not null,
    port_count          int         not null,
    lifecycle           text        not null check (lifecycle in ('installing', 'install_failed', 'stopped', 'starting',
                                                               'running', 'stopping', 'crashed', 'deleting')),
    suspended           boolean     not null default false,
    suspension_reason   text,
    node_offline        boolean     not null default false,
    pending_command_id  uuid,
    spec_changed        boolean     not null default false,
    waits_for_ready     boolean     not null default false,
    installed_at        timestamptz,
    restart_on_crash    boolean     not null default true,
    crash_count         int         not null default 0,
    last_crash_at       timestamptz,
    next_restart_at     timestamptz,
    remove_data         boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             int         not null default 0
);
comment on table server is 'A server''s desired state and what was observed; the wire state is deleting > suspended > node_offline > lifecycle';
comment on column server.pending_command_id is 'the agent command whose result moves the lifecycle next; results of other commands do not';
comment on column server.waits_for_ready is 'the egg names startup-done texts: running only once the agent saw one (container event ready)';
comment on column server.spec_changed is 'variables or image changed since the agent last got the spec: the next start recreates the container first';
create index server_owner on server (owner_id, id);
create index server_node on server (node_id);
create index server_restart_due on server (next_restart_at) where next_restart_at is not null;

--changeset lormas:deploy-002-allocation
create table allocation (
    node_id    uuid not null,
    ip         text not null,
    port       int  not null check (port between 1 and 65535),
    server_id  uuid not null,
    position   int  not null,
    primary key (node_id, ip, port)
);
comment on table allocation is 'Ports given to servers; the primary key makes giving one port to two servers impossible. No foreign key to server: ports are taken by the placement reservation, before the server row exists';

--changeset lormas:deploy-002-placement-reservation
create table placement_reservation (
    server_id    uuid        not null primary key,
    node_id      uuid        not null,
    cpu_millis   bigint      not null,
    memory_mib   bigint      not null,
    disk_mib     bigint      not null,
    ports        int         not null,
    created_at   timestamptz not null default now()
);
comment on table placement_reservation is 'Resources and ports taken for a server whose creation has not committed yet; the creation deletes its row, a rollback or the sweeper gives the resources back';
create index placement_reservation_created_at on placement_reservation (created_at);
create index allocation_server on allocation (server_id, position);

--changeset lormas:deploy-002-variable
create table server_variable (
    server_id   uuid        not null references server (id) on delete cascade,
    name        text        not null,
    value       text        not null,
    secret      boolean     not null default false,
    source      text        not null check (source in ('egg', 'custom')),
    updated_at  timestamptz not null default now(),
    primary key (server_id, name)
);
comment on column server_variable.value is 'plaintext, or a SecretBox ciphertext bound to "deploy.variable:<serverId>:<name>" when secret';

--changeset lormas:deploy-002-command
create table server_command (
    id              uuid        not null primary key,
    server_id       uuid        not null,
    node_id         uuid        not null,
    action          text        not null,
    lifecycle_before text,
    follow_up       text,
    status          text        not null default 'sent' check (status in ('sent', 'succeeded', 'failed', 'timed_out')),
    error_code      text,
    error_message   text,
    issued_at       timestamptz not null default now(),
    completed_at    timestamptz
);
comment on table server_command is 'Agent commands deploy-service issued (through the outbox); results are matched by id';
comment on column server_command.follow_up is 'the action issued when this one succeeds, e.g. start after create';
create index server_command_server on server_command (server_id, issued_at);
create index server_command_open on server_command (issued_at) where status = 'sent';

--changeset lormas:deploy-002-activity
create table activity (
    id          uuid        not null primary key,
    server_id   uuid,
    owner_id    uuid,
    action      text        not null,
    actor_type  text        not null check (actor_type in ('user', 'client', 'system')),
    actor_id    text,
    at          timestamptz not null default now(),
    request_id  text,
    ip          text,
    details     jsonb       not null default '{}'
);
comment on table activity is 'Who did what to which server, when, from where (kept after the server is deleted)';
create index activity_server on activity (server_id, id);
