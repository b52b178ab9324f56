-- A project's budget by year and funding source (CLP).
select anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp
from proyecto_presupuestos
where codigo = $1
order by anio, fuente_financiamiento;
