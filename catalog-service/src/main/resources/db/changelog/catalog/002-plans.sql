--liquibase formatted sql

--changeset lormas:catalog-002-plan
create table plan (
    id            uuid          not null primary key,
    name          text          not null,
    description   text          not null default '',
    cpu_millis    bigint        not null check (cpu_millis > 0),
    memory_mib    bigint        not null check (memory_mib > 0),
    swap_mib      bigint        not null default 0 check (swap_mib >= -1),
    disk_mib      bigint        not null check (disk_mib > 0),
    io_weight     int           not null default 500 check (io_weight between 10 and 1000),
    ports         int           not null check (ports between 1 and 100),
    backups       int           not null default 0 check (backups >= 0),
    databases     int           not null default 0 check (databases >= 0),
    max_replicas  int           not null default 1 check (max_replicas between 1 and 10),
    hourly_price  numeric(20,6) not null check (hourly_price >= 0),
    currency      char(3)       not null,
    active        boolean       not null default true,
    visible       boolean       not null default true,
    version       int           not null default 1,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now(),
    retired_at    timestamptz
);
comment on table plan is 'Resources a server or app gets and its hourly price; retired plans are kept (servers and statements refer to them)';
comment on column plan.swap_mib is '-1 unlimited, 0 none';
comment on column plan.hourly_price is 'exact decimal in currency units, up to 6 decimals (sub-cent hourly rates)';
create unique index plan_name_unique on plan (lower(name)) where retired_at is null;
