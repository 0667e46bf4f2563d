--liquibase formatted sql

--changeset lormas:catalog-001-nest
create table nest (
    id          uuid        not null primary key,
    name        text        not null,
    description text        not null default '',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     int         not null default 1
);
comment on table nest is 'Categories of eggs (Pterodactyl nests)';
create unique index nest_name_unique on nest (lower(name));

--changeset lormas:catalog-001-egg
create table egg (
    id           uuid        not null primary key,
    uuid         uuid        not null,
    nest_id      uuid        references nest (id),
    name         text        not null,
    author       text        not null default '',
    description  text        not null default '',
    tags         text[]      not null default '{}',
    capabilities text[]      not null default '{}',
    version      int         not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    removed_at   timestamptz
);
comment on table egg is 'Server templates; the definition of each version is in egg_version, version is the current one';
comment on column egg.uuid is 'the egg file''s own identity (Pelican uuid, or assigned on first import and written into exports): importing a file with a known uuid makes a new version';
comment on column egg.removed_at is 'removed eggs take no new servers and are hidden; their versions are kept';
create unique index egg_uuid_unique on egg (uuid) where removed_at is null;
create index egg_nest on egg (nest_id) where removed_at is null;

create table egg_version (
    egg_id         uuid        not null references egg (id),
    version        int         not null,
    nest_id        uuid,
    definition     text        not null,
    capabilities   text[]      not null default '{}',
    source         text,
    source_format  text,
    source_syntax  text,
    source_sha256  text,
    warnings       jsonb       not null default '[]',
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    primary key (egg_id, version)
);
comment on table egg_version is 'Every published version of an egg, never changed: servers keep running on the version they were created with';
comment on column egg_version.definition is 'the egg as PLCN_v3 JSON written by Lormas (lossless, environment names upper-cased)';
comment on column egg_version.source is 'the file as imported (UTF-8); null for versions made by an edit (nest, capabilities)';
