-- Foundation: PostGIS and the bookkeeping shared by every layer.
create extension if not exists postgis;

-- How exact a feature is; every feature of every layer carries one.
create domain precision_dato as text
  check (value in ('oficial', 'aproximada', 'demo'));

-- Which seed files were loaded, so that a removed demo layer does not come back on restart.
create table seed_log (
  layer_id text primary key,
  source_file text not null,
  checksum text not null,
  features integer not null,
  loaded_at timestamptz not null default now()
);

-- Bumped by every write to a layer; tile caches and ETags key on it.
create table layer_version (
  layer_id text primary key,
  version bigint not null default 1,
  changed_at timestamptz not null default now()
);
