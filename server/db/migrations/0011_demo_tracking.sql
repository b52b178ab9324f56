-- Plan tracking rows can be demo data (npm run demo loads a labelled scenario):
-- official documents leave them out, the workbench marks figures that include
-- them, and npm run demo:remove deletes them without touching what SECPLA
-- recorded. Every row SECPLA records stays demo = false.
alter table proyecto_estados add column demo boolean not null default false;
alter table proyecto_avances add column demo boolean not null default false;
alter table proyecto_hitos add column demo boolean not null default false;
alter table proyecto_presupuestos add column demo boolean not null default false;
alter table indicadores_programa add column demo boolean not null default false;
