-- Stored relations for the indicators per unit (issue 15; built and read by
-- server/analysis/indicator-relations.ts and indicators.ts).
--
-- Derived data only: every row here is rebuilt from the source layers, so
-- nothing is lost by emptying these tables. Each relation is rebuilt for one
-- kind of unit (`tipo`: unidades_vecinales or zonas_censales) when the
-- `layer_version` of one of its source layers differs from the versions it
-- was built from (analisis_version). The rebuild runs lazily, on the first
-- indicators request after a write, in one transaction (ARCHITECTURE.md,
-- «Analysis and reports», says why not triggers).
--
-- All lengths, areas and distances are metres in EPSG:32719 (UTM 19S),
-- computed with the same expressions the indicators used to compute per
-- request, so the sums are the same.

-- Per kind of unit: the source layer versions each relation was built from,
-- as {"relation": "layer=version.changed,…"}. Its row is also the lock that
-- makes concurrent rebuilds of one kind wait for each other.
create table analisis_version (
  tipo text primary key,
  relaciones jsonb not null default '{}'
);
insert into analisis_version (tipo) values ('unidades_vecinales'), ('zonas_censales');

-- Each unit with its polygon transformed to UTM once, and its area.
create table analisis_unidad (
  tipo text not null,
  unidad_id integer not null,
  codigo text not null,
  nombre text,
  poblacion integer,
  geom geometry(Geometry, 4326) not null,
  utm geometry(Geometry, 32719) not null,
  area_m2 double precision not null,
  primary key (tipo, unidad_id)
);

-- The UTM polygon cut into small parts (ST_Subdivide): their boxes find the
-- candidates near a unit far more tightly than the box of a whole unit of
-- hundreds of vertices. Only a filter: every test is then made on the whole polygon.
create table analisis_unidad_parte (
  tipo text not null,
  unidad_id integer not null,
  utm geometry(Geometry, 32719) not null
);
create index analisis_unidad_parte_utm_idx on analisis_unidad_parte using gist (utm);

-- Census block → unit: the part of each block inside the unit (more than a
-- shared boundary), its area and the block's, to apportion its people.
create table analisis_manzana (
  tipo text not null,
  unidad_id integer not null,
  manzana_id integer not null,
  poblacion integer,
  "precision" text not null,
  area_manzana_m2 double precision not null,
  area_en_unidad_m2 double precision not null,
  utm geometry(Geometry, 32719) not null,
  primary key (tipo, unidad_id, manzana_id)
);

-- Project → unit: each project overlapping the unit (more than a shared
-- boundary), with what the indicators group by and its budget (approved when
-- known, else estimated) over every budget line and over non-demo lines.
create table analisis_proyecto (
  tipo text not null,
  unidad_id integer not null,
  codigo text not null,
  "precision" text not null,
  lineamiento_codigo text,
  estado text,
  presupuesto_clp numeric,
  presupuesto_sin_demo_clp numeric,
  primary key (tipo, unidad_id, codigo)
);

-- Active micro-dumps per unit and precision level, and every site of the
-- comuna per precision level (to tell «no records» from a real 0).
create table analisis_microbasurales (
  tipo text not null,
  unidad_id integer not null,
  "precision" text not null,
  activos integer not null,
  primary key (tipo, unidad_id, "precision")
);
create table analisis_microbasurales_comuna (
  tipo text not null,
  "precision" text not null,
  total integer not null,
  primary key (tipo, "precision")
);

-- Heritage items per unit and precision level.
create table analisis_patrimonio (
  tipo text not null,
  unidad_id integer not null,
  "precision" text not null,
  items integer not null,
  primary key (tipo, unidad_id, "precision")
);

-- Cycle path → unit: the length of each path inside the unit.
create table analisis_ciclovia (
  tipo text not null,
  unidad_id integer not null,
  ciclovia_id integer not null,
  "precision" text not null,
  existente boolean,
  largo_m double precision not null,
  primary key (tipo, unidad_id, ciclovia_id)
);

-- Bridge → unit: the distance from the unit's polygon to each bridge (0 when it touches).
create table analisis_puente (
  tipo text not null,
  unidad_id integer not null,
  puente_id integer not null,
  "precision" text not null,
  distancia_m double precision,
  primary key (tipo, unidad_id, puente_id)
);
