-- Tracking of the PLADECO as SECPLA reports it to the Concejo (issue 9):
-- status history, milestones, physical progress history and programme
-- indicators. Nothing is seeded here: rows come from SECPLA's records.

-- Every change of a project's status, with who recorded it and when.
-- 'descartado' exists only here: a project dropped from the plan keeps its history.
create table proyecto_estados (
  id serial primary key,
  codigo text not null references proyectos (codigo) on delete cascade,
  estado text not null check (estado in ('idea', 'perfil', 'diseño', 'licitación', 'ejecución', 'terminado', 'suspendido', 'descartado')),
  desde date not null,
  nota text,
  registrado_por text not null check (length(btrim(registrado_por)) > 0),
  registrado_en timestamptz not null default now(),
  unique (codigo, desde)
);
create index proyecto_estados_codigo_idx on proyecto_estados (codigo, desde);

-- Milestones of a project: planned date, actual date; met exactly when it has an actual date.
create table proyecto_hitos (
  id serial primary key,
  codigo text not null references proyectos (codigo) on delete cascade,
  nombre text not null check (length(btrim(nombre)) > 0),
  fecha_prevista date,
  fecha_real date,
  cumplido boolean not null default false,
  check (cumplido = (fecha_real is not null)),
  unique (codigo, nombre)
);

-- Physical progress (%) measured on a date; proyectos.avance_fisico stays the latest known value.
create table proyecto_avances (
  codigo text not null references proyectos (codigo) on delete cascade,
  fecha date not null,
  avance_fisico numeric not null check (avance_fisico between 0 and 100),
  nota text,
  registrado_por text not null check (length(btrim(registrado_por)) > 0),
  registrado_en timestamptz not null default now(),
  primary key (codigo, fecha)
);

-- Indicators of a programa: the composite key makes the referenced node a programa.
alter table plan_nodos add constraint plan_nodos_codigo_nivel_key unique (codigo, nivel);

create table indicadores_programa (
  id serial primary key,
  codigo text not null,
  nivel text not null default 'programa' check (nivel = 'programa'),
  nombre text not null check (length(btrim(nombre)) > 0),
  unidad text not null check (length(btrim(unidad)) > 0),
  meta numeric check (meta >= 0),
  valor numeric check (valor >= 0),
  fuente text not null check (fuente in ('calculado', 'manual')),
  fecha date not null,
  foreign key (codigo, nivel) references plan_nodos (codigo, nivel),
  unique (codigo, nombre, fecha)
);
