import type { PickingInfo } from '@deck.gl/core';
import { es } from '../i18n/es.ts';
import { formatClp } from '../i18n/format.ts';
import { investmentLayerId, type UnitInvestmentFeature } from '../layers/inversion-3d-layer.ts';
import { densityLayerId } from '../layers/microbasurales-densidad-layer.ts';
import { dumpsLayerId, type DumpFeature } from '../layers/microbasurales-layer.ts';
import { projectsDensityLayerId } from '../layers/proyectos-densidad-layer.ts';
import { projectsLayerId } from '../layers/proyectos-layer.ts';
import type { ProjectFeature } from '../plan/project.ts';
import { precisionLine } from './precision-label.ts';

/** The hover text of the deck.gl layers, in Spanish. */
export function tooltip(info: PickingInfo): { text: string } | null {
  const { layer, object } = info;
  if (!layer || !object) return null;
  switch (layer.id) {
    case projectsLayerId: {
      const { nombre, codigo, precision } = (object as ProjectFeature).properties;
      return { text: `${es.tooltip.project(nombre, codigo)}\n${precisionLine(precision)}` };
    }
    case dumpsLayerId: {
      const { codigo, estado, precision } = (object as DumpFeature).properties;
      return { text: `${es.tooltip.dump(codigo, estado)}\n${precisionLine(precision)}` };
    }
    case densityLayerId:
      return {
        text: es.tooltip.density(
          (object as { count?: number; points?: unknown[] }).count ?? (object as { points?: unknown[] }).points?.length ?? 0,
        ),
      };
    case projectsDensityLayerId:
      return { text: es.tooltip.projectDensity((object as { count?: number }).count ?? 0) };
    case investmentLayerId: {
      const unit = (object as UnitInvestmentFeature).properties;
      const budget = unit.inversionClp === null ? es.legend.noBudget : formatClp(unit.inversionClp);
      return { text: es.investment.tooltip(unit.nombre, unit.proyectos, budget) };
    }
    default:
      return null;
  }
}
