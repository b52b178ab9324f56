-- The PLADECO 2022–2029: lineamiento → objetivo estratégico → plan →
-- programa → proyecto/estudio/acción, with stable codes (seeds/pladeco).
-- Where the document lists items under a plan with no single programa, the
-- item's parent is the plan (see seeds/pladeco/README.md).

create table plan_nodos (
  codigo text primary key,
  nivel text not null check (nivel in ('lineamiento', 'objetivo', 'plan', 'programa', 'proyecto')),
  codigo_padre text references plan_nodos (codigo),
  orden integer not null check (orden > 0),
  nombre text not null check (length(nombre) > 0),
  definicion text,
  descripcion text,
  nota text,
  tipo text check (tipo in ('proyecto', 'estudio', 'accion')),
  check ((nivel = 'lineamiento') = (codigo_padre is null)),
  check ((nivel = 'proyecto') = (tipo is not null))
);
create index plan_nodos_padre_idx on plan_nodos (codigo_padre);

create table ejes_transversales (
  codigo text primary key,
  nombre text not null,
  descripcion text
);

-- What the plan says of each project, and what SECPLA records as it advances.
-- Attributes the document does not give stay null ("sin información"): nothing invented.
create table proyectos (
  id serial primary key,
  codigo text not null unique references plan_nodos (codigo),
  estado text check (estado in ('idea', 'perfil', 'diseño', 'licitación', 'ejecución', 'terminado', 'suspendido')),
  unidad_responsable text,
  fuentes_financiamiento text[] not null default '{}' check (fuentes_financiamiento <@ array[
    'municipal', 'FNDR', 'SUBDERE PMU', 'SUBDERE PMB', 'MINVU/SERVIU', 'MOP', 'MMA', 'público-privado', 'otro']::text[]),
  anio_inicio integer check (anio_inicio between 2000 and 2100),
  anio_fin integer check (anio_fin between 2000 and 2100),
  ods integer[] not null default '{}' check (ods <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]),
  ejes_transversales text[] not null default '{}',
  evaluado_igualdad_genero boolean,
  avance_fisico numeric check (avance_fisico between 0 and 100),
  ubicacion_nota text,
  fuente text not null,
  "precision" precision_dato not null,
  geom geometry(Geometry, 4326) check (geom is null or (ST_IsValid(geom) and not ST_IsEmpty(geom))),
  check (anio_fin is null or anio_inicio is null or anio_fin >= anio_inicio)
);
create index proyectos_geom_idx on proyectos using gist (geom);
create index proyectos_utm_idx on proyectos using gist (ST_Transform(geom, 32719));

-- Budget in CLP by year and funding source: estimated, approved, executed.
create table proyecto_presupuestos (
  codigo text not null references proyectos (codigo) on delete cascade,
  anio integer not null check (anio between 2000 and 2100),
  fuente_financiamiento text not null,
  estimado_clp bigint check (estimado_clp >= 0),
  aprobado_clp bigint check (aprobado_clp >= 0),
  ejecutado_clp bigint check (ejecutado_clp >= 0),
  primary key (codigo, anio, fuente_financiamiento)
);

-- A project with its whole lineage, as served in the `proyectos` collection.
create view proyectos_plan as
select
  p.id,
  p.codigo,
  n.nombre,
  n.tipo,
  n.descripcion,
  p.estado,
  l.codigo as lineamiento_codigo,
  l.nombre as lineamiento,
  o.codigo as objetivo_codigo,
  o.nombre as objetivo,
  pl.codigo as plan_codigo,
  pl.nombre as plan,
  pg.codigo as programa_codigo,
  pg.nombre as programa,
  p.unidad_responsable,
  array_to_string(p.fuentes_financiamiento, ', ') as fuentes_financiamiento,
  p.anio_inicio,
  p.anio_fin,
  array_to_string(p.ods, ', ') as ods,
  array_to_string(p.ejes_transversales, ', ') as ejes_transversales,
  p.evaluado_igualdad_genero,
  p.avance_fisico::double precision as avance_fisico,
  b.estimado_clp as presupuesto_estimado_clp,
  b.aprobado_clp as presupuesto_aprobado_clp,
  b.ejecutado_clp as presupuesto_ejecutado_clp,
  p.ubicacion_nota,
  p.fuente,
  p."precision",
  p.geom
from proyectos p
join plan_nodos n on n.codigo = p.codigo
join plan_nodos parent on parent.codigo = n.codigo_padre
left join plan_nodos pg on parent.nivel = 'programa' and pg.codigo = parent.codigo
join plan_nodos pl on pl.codigo = case when parent.nivel = 'programa' then parent.codigo_padre else parent.codigo end
join plan_nodos o on o.codigo = pl.codigo_padre
join plan_nodos l on l.codigo = o.codigo_padre
left join lateral (
  select sum(estimado_clp)::bigint as estimado_clp, sum(aprobado_clp)::bigint as aprobado_clp, sum(ejecutado_clp)::bigint as ejecutado_clp
  from proyecto_presupuestos where codigo = p.codigo
) b on true;
