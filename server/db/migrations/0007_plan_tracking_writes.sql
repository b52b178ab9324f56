-- Writes of plan tracking from the workbench (issue 9).
--
-- proyectos.estado mirrors the latest entry of proyecto_estados, and that
-- history may end in 'descartado' (a project dropped from the plan). So
-- 'descartado' becomes a valid current status too: a dropped project shows
-- as dropped, keeps its history and stays out of the progress roll-up.
alter table proyectos drop constraint proyectos_estado_check;
alter table proyectos add constraint proyectos_estado_check
  check (estado in ('idea', 'perfil', 'diseño', 'licitación', 'ejecución', 'terminado', 'suspendido', 'descartado'));

