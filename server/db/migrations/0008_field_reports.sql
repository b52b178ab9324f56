-- Field reports of micro-dumps and their lifecycle down to eradication (issue 7).

-- The lifecycle of a site: who and when it was cleaned and closed, how it was
-- closed, what it duplicates and which cleaned site it reappeared beside.
alter table microbasurales
  add column cierre text check (cierre in ('cercado', 'señalizado', 'cercado_por_privado')),
  add column duplicado_de integer references microbasurales (id),
  add column reincidencia_de integer references microbasurales (id),
  add column limpiado_en date,
  add column cerrado_en date,
  add constraint microbasurales_cierre_estado check ((estado = 'cerrado') = (cierre is not null)),
  add constraint microbasurales_duplicado_estado check ((estado = 'duplicado') = (duplicado_de is not null)),
  add constraint microbasurales_no_self check (duplicado_de is distinct from id and reincidencia_de is distinct from id);

-- One report from the field. The UUID is made on the phone: a resend finds
-- its report instead of making a second one; the content hash tells an
-- identical resend (same answer) from a different report reusing the UUID (409).
create table reportes_microbasural (
  id serial primary key,
  uuid uuid not null unique,
  contenido_sha256 text not null,
  microbasural_id integer not null references microbasurales (id) on delete cascade,
  reportado_por_id integer references usuarios (id) on delete set null,
  reportado_por text not null,
  recibido_en timestamptz not null default now(),
  creado_en_telefono timestamptz,
  origen_posicion text not null check (origen_posicion in ('gps', 'mapa')),
  precision_gps_m numeric check (precision_gps_m >= 0),
  categoria_residuo text not null check (categoria_residuo in
    ('domiciliarios', 'escombros', 'voluminosos', 'neumaticos', 'residuos_verdes', 'mixto')),
  superficie_m2 numeric check (superficie_m2 >= 0),
  volumen_m3 numeric check (volumen_m3 >= 0),
  tenencia text not null check (tenencia in ('publica', 'privada', 'desconocida')),
  notas text,
  -- Where the photos' EXIF said they were taken (a hint only; the EXIF itself is stripped).
  exif_geom geometry(Point, 4326),
  geom geometry(Point, 4326) not null check (not ST_IsEmpty(geom))
);
create index reportes_microbasural_sitio_idx on reportes_microbasural (microbasural_id);

-- Photos, re-encoded without metadata; stored in the same transaction as their report.
create table fotos_microbasural (
  id serial primary key,
  reporte_id integer not null references reportes_microbasural (id) on delete cascade,
  orden smallint not null check (orden between 1 and 5),
  tipo text not null check (tipo = 'image/jpeg'),
  ancho integer not null check (ancho > 0),
  alto integer not null check (alto > 0),
  bytes bytea not null check (octet_length(bytes) > 0),
  unique (reporte_id, orden)
);

-- Every change of a site's status: who, when, from and to, and how.
create table microbasural_transiciones (
  id serial primary key,
  microbasural_id integer not null references microbasurales (id) on delete cascade,
  desde text not null,
  hacia text not null,
  como text,
  duplicado_de integer references microbasurales (id),
  nota text,
  por_id integer references usuarios (id) on delete set null,
  por text not null,
  en timestamptz not null default now()
);
create index microbasural_transiciones_sitio_idx on microbasural_transiciones (microbasural_id, id);

-- Drone surveys of a site: measured area and volume, optionally its footprint.
create table sobrevuelos_dron (
  id serial primary key,
  microbasural_id integer not null references microbasurales (id) on delete cascade,
  fecha date not null,
  superficie_m2 numeric not null check (superficie_m2 >= 0),
  volumen_m3 numeric not null check (volumen_m3 >= 0),
  huella geometry(MultiPolygon, 4326) check (huella is null or (ST_IsValid(huella) and not ST_IsEmpty(huella))),
  nota text,
  registrado_por text not null,
  registrado_en timestamptz not null default now()
);
create index sobrevuelos_dron_sitio_idx on sobrevuelos_dron (microbasural_id, fecha);

-- Codes of sites reported from the field: MB-<year>-<n>.
create sequence microbasurales_codigo_seq;

-- A report or a survey changes what the micro-dumps layer shows.
create trigger reportes_microbasural_version after insert or update or delete or truncate on reportes_microbasural
  for each statement execute function bump_layer_version('microbasurales');
create trigger sobrevuelos_dron_version after insert or update or delete or truncate on sobrevuelos_dron
  for each statement execute function bump_layer_version('microbasurales');
