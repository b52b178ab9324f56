-- Plan Regulador reviews (issue 8): the findings of POST /analysis/revision-prc
-- for one intervention, kept with its map image and its author, so the
-- printable report can be produced again later exactly as it was reviewed.
create table revisiones_prc (
  id serial primary key,
  titulo text not null check (length(btrim(titulo)) between 1 and 200),
  geom geometry(Geometry, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  -- The body of POST /analysis/revision-prc at the time of the review.
  hallazgos jsonb not null check (jsonb_typeof(hallazgos) = 'object'),
  -- The map as a PNG data URL, at most about 2 MB (checked by the route as well).
  mapa_png text check (mapa_png is null or (mapa_png like 'data:image/png;base64,%' and length(mapa_png) <= 2800000)),
  -- Proyecto del PLADECO reviewed, when the geometry came from one.
  proyecto text,
  autor_id integer references usuarios (id) on delete set null,
  -- The author's name at the time, kept even if the account is later removed.
  autor text not null,
  creado_en timestamptz not null default now()
);
create index revisiones_prc_fecha_idx on revisiones_prc (creado_en desc);
create index revisiones_prc_geom_idx on revisiones_prc using gist (geom);
