-- Dense point layers counted per cell of the tile grid, so that a tile's cost
-- depends on what it shows and not on how many points the table holds
-- (server/tiles/point-grid.ts reads it).
--
-- For every zoom 0..16, each point is placed on the global grid of tile units
-- of that zoom (4096 per tile, y down, as ST_AsMVTGeom snaps it) and counted
-- in its sub-cell of 64 units: half an aggregation cell (128 units), so that
-- four sub-cells make one cell and the 64-unit tile buffer is exactly one row
-- of sub-cells around the tile. `sum_x`/`sum_y` are the sums of the snapped
-- positions, from which a cluster's mean position is derived.
--
-- Kept by statement-level triggers with transition tables: one grouped upsert
-- per statement, whatever the number of rows, in the same transaction as the
-- write (the tiles' layer_version bump happens in that same transaction).
create table point_grid (
  layer_id text not null,
  z smallint not null,
  sx integer not null,
  sy integer not null,
  n integer not null,
  sum_x float8 not null,
  sum_y float8 not null,
  primary key (layer_id, z, sx, sy)
);

-- Adds (sign 1) or removes (sign -1) the points of one statement's transition
-- table. Dynamic SQL because the transition table's name and the geometry
-- column come from the trigger; both are identifiers written in this file.
create function point_grid_delta(layer text, rows_table text, geometry_column text, sign int) returns text
language sql immutable as $$
  select format($sql$
    insert into point_grid as g (layer_id, z, sx, sy, n, sum_x, sum_y)
    select %L, z, floor(u / 64)::int, floor(v / 64)::int, %s * count(*), %s * sum(u), %s * sum(v)
    from (
      select zoom.z,
        round((ST_X(p.geometry) + 20037508.342789244) * zoom.scale) as u,
        round((20037508.342789244 - ST_Y(p.geometry)) * zoom.scale) as v
      from (select ST_Transform(%I, 3857) as geometry from %I where %I is not null) as p
      cross join (select z::smallint as z, 4096 * 2 ^ z / 40075016.68557849 as scale from generate_series(0, 16) as z) as zoom
    ) as snapped
    group by z, floor(u / 64), floor(v / 64)
    on conflict (layer_id, z, sx, sy) do update
      set n = g.n + excluded.n, sum_x = g.sum_x + excluded.sum_x, sum_y = g.sum_y + excluded.sum_y
  $sql$, layer, sign, sign, sign, geometry_column, rows_table, geometry_column)
$$;

create function point_grid_change() returns trigger language plpgsql as $$
declare
  layer text := tg_argv[0];
  geometry_column text := tg_argv[1];
begin
  if tg_op = 'TRUNCATE' then
    delete from point_grid where layer_id = layer;
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    execute point_grid_delta(layer, 'old_rows', geometry_column, -1);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    execute point_grid_delta(layer, 'new_rows', geometry_column, 1);
  end if;
  delete from point_grid where layer_id = layer and n = 0;
  return null;
end $$;

create trigger microbasurales_grid_insert after insert on microbasurales
  referencing new table as new_rows for each statement execute function point_grid_change('microbasurales', 'geom');
create trigger microbasurales_grid_update after update on microbasurales
  referencing old table as old_rows new table as new_rows for each statement execute function point_grid_change('microbasurales', 'geom');
create trigger microbasurales_grid_delete after delete on microbasurales
  referencing old table as old_rows for each statement execute function point_grid_change('microbasurales', 'geom');
create trigger microbasurales_grid_truncate after truncate on microbasurales
  for each statement execute function point_grid_change('microbasurales', 'geom');

-- The points already there.
create temporary table new_rows on commit drop as select geom from microbasurales;
do $$ begin execute point_grid_delta('microbasurales', 'new_rows', 'geom', 1); end $$;

-- Deleting a micro-dump checks the rows that name it as their duplicate or
-- recurrence; without these indexes each deleted row scanned the whole table
-- twice (11 000 deletions among 100 000 points took 249 s embedded).
create index microbasurales_duplicado_de_idx on microbasurales (duplicado_de) where duplicado_de is not null;
create index microbasurales_reincidencia_de_idx on microbasurales (reincidencia_de) where reincidencia_de is not null;
create index microbasural_transiciones_duplicado_de_idx on microbasural_transiciones (duplicado_de) where duplicado_de is not null;
