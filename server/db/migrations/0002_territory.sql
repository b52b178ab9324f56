-- Vallenar's territory. Storage in EPSG:4326; metric work through EPSG:32719
-- (WGS 84 / UTM 19S) or geography, with expression indexes for both so that
-- distance and area queries stay indexed.
-- Every table: id, the layer's attributes, fuente, precision, geom (valid, not empty).

create table comuna (
  id serial primary key,
  codigo text,
  nombre text not null,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table limite_urbano (
  id serial primary key,
  nombre text not null,
  instrumento text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table zonificacion_prc (
  id serial primary key,
  codigo text not null,
  nombre text,
  usos_permitidos text,
  usos_prohibidos text,
  instrumento text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table zonas_censales (
  id serial primary key,
  geocodigo text not null,
  nombre text,
  poblacion integer check (poblacion >= 0),
  viviendas integer check (viviendas >= 0),
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table manzanas_censales (
  id serial primary key,
  manzent text,
  distrito text,
  poblacion integer check (poblacion >= 0),
  viviendas integer check (viviendas >= 0),
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table unidades_vecinales (
  id serial primary key,
  codigo text not null unique,
  nombre text not null,
  area text not null check (area in ('urbana', 'rural')),
  poblacion integer check (poblacion >= 0),
  hogares integer check (hogares >= 0),
  viviendas integer check (viviendas >= 0),
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table patrimonio (
  id serial primary key,
  nombre text not null,
  categoria text check (categoria in ('Monumento Histórico', 'Inmueble de Conservación Histórica',
    'Zona de Conservación Histórica', 'natural', 'arqueológico', 'inmaterial')),
  instrumento_proteccion text check (instrumento_proteccion in ('PRC', 'Estudio de Patrimonios', 'CMN')),
  estado_conservacion text,
  intervenciones_revision text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(Geometry, 4326) not null check (
    ST_IsValid(geom) and not ST_IsEmpty(geom)
    and GeometryType(geom) in ('POINT', 'POLYGON', 'MULTIPOLYGON'))
);

create table microbasurales (
  id serial primary key,
  codigo text not null unique,
  estado text not null default 'reportado' check (estado in
    ('reportado', 'verificado', 'programado', 'limpiado', 'cerrado', 'duplicado', 'descartado')),
  categoria_residuo text check (categoria_residuo in
    ('domiciliarios', 'escombros', 'voluminosos', 'neumaticos', 'residuos_verdes', 'mixto')),
  superficie_m2 numeric check (superficie_m2 >= 0),
  volumen_m3 numeric check (volumen_m3 >= 0),
  tenencia text not null default 'desconocida' check (tenencia in ('publica', 'privada', 'desconocida')),
  primer_reporte date,
  ultimo_reporte date,
  notas text,
  fuente text not null,
  "precision" precision_dato not null,
  huella geometry(MultiPolygon, 4326) check (huella is null or (ST_IsValid(huella) and not ST_IsEmpty(huella))),
  geom geometry(Point, 4326) not null check (not ST_IsEmpty(geom)),
  check (ultimo_reporte is null or primer_reporte is null or ultimo_reporte >= primer_reporte)
);

-- Versions of the urban wetland are kept as history: a row per version, never overwritten.
create table humedal_urbano (
  id serial primary key,
  nombre text not null,
  version text not null check (version in ('vigente', 'ampliacion_propuesta', 'historica')),
  estado_legal text,
  vigente_desde date,
  vigente_hasta date,
  descripcion text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  check (vigente_hasta is null or vigente_desde is null or vigente_hasta >= vigente_desde)
);

create table ciclovias (
  id serial primary key,
  nombre text not null,
  estado text not null check (estado in ('existente', 'propuesta', 'en_ejecucion')),
  tipo text,
  longitud_m double precision generated always as (ST_Length(geom::geography)) stored,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiLineString, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table puentes (
  id serial primary key,
  nombre text not null,
  tipo text not null check (tipo in ('vehicular', 'peatonal')),
  estado text not null check (estado in ('existente', 'propuesto')),
  proyecto text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiLineString, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table rio (
  id serial primary key,
  nombre text not null,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiLineString, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table canales (
  id serial primary key,
  nombre text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiLineString, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

create table puntos_criticos (
  id serial primary key,
  sector text,
  causa text,
  riesgo text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(Point, 4326) not null check (not ST_IsEmpty(geom))
);

create table toponimia (
  id serial primary key,
  nombre text not null,
  tipo text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(Point, 4326) not null check (not ST_IsEmpty(geom))
);

create table calles (
  id serial primary key,
  nombre text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(MultiLineString, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);

-- Spatial indexes: planar (bbox filters, tiles) on every layer; metric
-- (UTM 19S) and geography where distances and areas are computed.
create index comuna_geom_idx on comuna using gist (geom);
create index limite_urbano_geom_idx on limite_urbano using gist (geom);
create index zonificacion_prc_geom_idx on zonificacion_prc using gist (geom);
create index zonas_censales_geom_idx on zonas_censales using gist (geom);
create index manzanas_censales_geom_idx on manzanas_censales using gist (geom);
create index unidades_vecinales_geom_idx on unidades_vecinales using gist (geom);
create index patrimonio_geom_idx on patrimonio using gist (geom);
create index microbasurales_geom_idx on microbasurales using gist (geom);
create index humedal_urbano_geom_idx on humedal_urbano using gist (geom);
create index ciclovias_geom_idx on ciclovias using gist (geom);
create index puentes_geom_idx on puentes using gist (geom);
create index rio_geom_idx on rio using gist (geom);
create index canales_geom_idx on canales using gist (geom);
create index puntos_criticos_geom_idx on puntos_criticos using gist (geom);
create index toponimia_geom_idx on toponimia using gist (geom);
create index calles_geom_idx on calles using gist (geom);

create index manzanas_censales_utm_idx on manzanas_censales using gist (ST_Transform(geom, 32719));
create index unidades_vecinales_utm_idx on unidades_vecinales using gist (ST_Transform(geom, 32719));
create index patrimonio_utm_idx on patrimonio using gist (ST_Transform(geom, 32719));
create index microbasurales_utm_idx on microbasurales using gist (ST_Transform(geom, 32719));
create index humedal_urbano_utm_idx on humedal_urbano using gist (ST_Transform(geom, 32719));
create index ciclovias_utm_idx on ciclovias using gist (ST_Transform(geom, 32719));
create index puentes_utm_idx on puentes using gist (ST_Transform(geom, 32719));
create index rio_utm_idx on rio using gist (ST_Transform(geom, 32719));
create index puntos_criticos_utm_idx on puntos_criticos using gist (ST_Transform(geom, 32719));
create index patrimonio_geog_idx on patrimonio using gist ((geom::geography));
create index microbasurales_geog_idx on microbasurales using gist ((geom::geography));
create index ciclovias_geog_idx on ciclovias using gist ((geom::geography));

create index microbasurales_estado_idx on microbasurales (estado);
