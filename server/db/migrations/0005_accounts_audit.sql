-- Accounts, sessions, API tokens, the audit trail and the recycle bin (issue 6).

-- People who sign in. Passwords are stored as scrypt hashes (server/auth/passwords.ts).
create table usuarios (
  id serial primary key,
  usuario text not null unique check (usuario ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  nombre text not null check (length(btrim(nombre)) > 0),
  rol text not null check (rol in ('admin', 'planificador', 'revisor', 'terreno')),
  clave_hash text not null,
  activo boolean not null default true,
  -- Demo accounts exist only when the SIT runs with SIT_DEMO=1 and are removed otherwise.
  demo boolean not null default false,
  creado_en timestamptz not null default now(),
  clave_cambiada_en timestamptz not null default now()
);

-- Browser sessions: the cookie carries a random secret; only its SHA-256 is kept.
create table sesiones (
  secreto_hash text primary key,
  usuario_id integer not null references usuarios (id) on delete cascade,
  -- Synchronizer token a cookie-authenticated write must echo in X-CSRF-Token.
  csrf text not null,
  creada_en timestamptz not null default now(),
  expira_en timestamptz not null
);
create index sesiones_usuario_idx on sesiones (usuario_id);

-- Personal API tokens for scripts, QGIS and GDAL; only the SHA-256 is kept.
create table api_tokens (
  id serial primary key,
  usuario_id integer not null references usuarios (id) on delete cascade,
  nombre text not null check (length(btrim(nombre)) > 0),
  token_hash text not null unique,
  -- The first characters, to recognise a token in a list without revealing it.
  prefijo text not null,
  creado_en timestamptz not null default now(),
  expira_en timestamptz,
  ultimo_uso timestamptz,
  revocado_en timestamptz
);
create index api_tokens_usuario_idx on api_tokens (usuario_id);

-- Every accepted write, in the same transaction as the write: who, when, what, before and after.
create table auditoria (
  id bigserial primary key,
  ocurrido_en timestamptz not null default now(),
  usuario_id integer references usuarios (id) on delete set null,
  -- The account name at the time, kept even if the account is later removed.
  usuario text not null,
  accion text not null check (accion in ('crear', 'modificar', 'eliminar', 'restaurar')),
  -- A collection id (patrimonio, microbasurales...) or another resource (proyecto_estados, revisiones_prc...).
  recurso text not null,
  objeto_id text not null,
  antes jsonb,
  despues jsonb,
  check ((accion in ('crear', 'restaurar')) = (antes is null)),
  check ((accion = 'eliminar') = (despues is null))
);
create index auditoria_objeto_idx on auditoria (recurso, objeto_id, id);
create index auditoria_fecha_idx on auditoria (ocurrido_en);

-- Deleted features wait here (soft delete): the row leaves its table, so no
-- read path has to filter it out, and restoring puts it back with its id.
create table papelera (
  recurso text not null,
  objeto_id text not null,
  -- The whole row: properties plus the geometry as GeoJSON with 15 digits.
  fila jsonb not null,
  eliminado_en timestamptz not null default now(),
  eliminado_por text not null,
  primary key (recurso, objeto_id)
);

-- Every statement that changes a layer bumps its version, in the same
-- transaction, so tile caches, ETags and counts can never miss a write.
create function bump_layer_version() returns trigger language plpgsql as $$
begin
  insert into layer_version (layer_id) values (tg_argv[0])
  on conflict (layer_id) do update set version = layer_version.version + 1, changed_at = now();
  return null;
end;
$$;

create trigger comuna_version after insert or update or delete or truncate on comuna
  for each statement execute function bump_layer_version('comuna');
create trigger limite_urbano_version after insert or update or delete or truncate on limite_urbano
  for each statement execute function bump_layer_version('limite_urbano');
create trigger zonificacion_prc_version after insert or update or delete or truncate on zonificacion_prc
  for each statement execute function bump_layer_version('zonificacion_prc');
create trigger zonas_censales_version after insert or update or delete or truncate on zonas_censales
  for each statement execute function bump_layer_version('zonas_censales');
create trigger manzanas_censales_version after insert or update or delete or truncate on manzanas_censales
  for each statement execute function bump_layer_version('manzanas_censales');
create trigger unidades_vecinales_version after insert or update or delete or truncate on unidades_vecinales
  for each statement execute function bump_layer_version('unidades_vecinales');
create trigger patrimonio_version after insert or update or delete or truncate on patrimonio
  for each statement execute function bump_layer_version('patrimonio');
create trigger microbasurales_version after insert or update or delete or truncate on microbasurales
  for each statement execute function bump_layer_version('microbasurales');
create trigger humedal_urbano_version after insert or update or delete or truncate on humedal_urbano
  for each statement execute function bump_layer_version('humedal_urbano');
create trigger ciclovias_version after insert or update or delete or truncate on ciclovias
  for each statement execute function bump_layer_version('ciclovias');
create trigger puentes_version after insert or update or delete or truncate on puentes
  for each statement execute function bump_layer_version('puentes');
create trigger rio_version after insert or update or delete or truncate on rio
  for each statement execute function bump_layer_version('rio');
create trigger canales_version after insert or update or delete or truncate on canales
  for each statement execute function bump_layer_version('canales');
create trigger puntos_criticos_version after insert or update or delete or truncate on puntos_criticos
  for each statement execute function bump_layer_version('puntos_criticos');
create trigger toponimia_version after insert or update or delete or truncate on toponimia
  for each statement execute function bump_layer_version('toponimia');
create trigger calles_version after insert or update or delete or truncate on calles
  for each statement execute function bump_layer_version('calles');
-- The `proyectos` collection is a view over the plan tables: any of them changes it.
create trigger proyectos_version after insert or update or delete or truncate on proyectos
  for each statement execute function bump_layer_version('proyectos');
create trigger plan_nodos_version after insert or update or delete or truncate on plan_nodos
  for each statement execute function bump_layer_version('proyectos');
create trigger proyecto_presupuestos_version after insert or update or delete or truncate on proyecto_presupuestos
  for each statement execute function bump_layer_version('proyectos');
create trigger proyecto_estados_version after insert or update or delete or truncate on proyecto_estados
  for each statement execute function bump_layer_version('proyectos');
create trigger proyecto_avances_version after insert or update or delete or truncate on proyecto_avances
  for each statement execute function bump_layer_version('proyectos');
