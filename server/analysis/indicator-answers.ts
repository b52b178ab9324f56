import type { Database } from '../db/database.ts';
import { demoPresence, demoPresenceOf, type DemoPresence } from '../figures/demo.ts';
import { scopeOf, scopeParams } from '../figures/scope.ts';
import { queryWithoutJit } from '../routes/analysis/without-jit.ts';
import { indicatorSources, readRelationState, refreshRelations, versionToken, type RelationState } from './indicator-relations.ts';
import { catalogLayer } from './layers.ts';
import { deriveIndicators, indicatorsSql, type IndicatorRow, type IndicatorUnitKind, type UnitIndicators } from './indicators.ts';

/** Kinds of demo data the indicators read (server/figures/demo.ts). */
export const indicatorDemoKinds = ['microbasurales', 'ubicaciones_proyecto', 'lineas_presupuesto', 'ciclovias', 'patrimonio', 'puentes'];

/** The layers whose versions move when those kinds change (budget lines bump `proyectos`: migration 0005). */
const demoSources = ['microbasurales', 'proyectos', 'ciclovias', 'patrimonio', 'puentes'].map(catalogLayer);

/** What is asked: the kind of unit, the distance (m) to an existing cycle path, and whether only official data counts. */
export interface IndicatorQuestion {
  kind: IndicatorUnitKind;
  distance: number;
  official: boolean;
}

/** The indicators of every unit, and the demo data they include (none when official). Shared between requests: read only. */
export interface IndicatorAnswer {
  unidades: UnitIndicators[];
  demo: DemoPresence;
}

const noDemo: DemoPresence = { incluye_demo: false, datos_demo: {} };

/**
 * Answers `/analysis/indicadores`, keeping each answer under the versions of
 * every layer it was computed from (as the tile cache does with
 * `layer_version`): a request reads those versions in one small query and,
 * when nothing changed, returns the answer it already has. Any write to a
 * source layer (a project, a budget line, a micro-dump, a block…) bumps a
 * version in the writer's transaction, so the next request computes afresh:
 * first the stale stored relations (indicator-relations.ts), then the
 * indicators over them. Concurrent requests for the same question share one
 * computation. At most `capacity` answers are kept, least recently used first out.
 */
export class IndicatorAnswers {
  private readonly answers = new Map<string, { token: string; answer: Promise<IndicatorAnswer> }>();
  /** The demo counts, shared by every question (they count whole layers, over 100 000 rows on the bench data). */
  private demo: { token: string; presence: Promise<DemoPresence> } | null = null;

  constructor(
    private readonly db: Database,
    private readonly capacity = 64,
  ) {}

  async answer(question: IndicatorQuestion): Promise<IndicatorAnswer> {
    const state = await readRelationState(this.db, question.kind);
    // Read before computing: an answer computed from newer data than its token is only recomputed once more, never served stale.
    const token = versionToken(state.versions, indicatorSources(question.kind));
    const key = `${question.kind}|${question.distance}|${question.official}`;
    const cached = this.answers.get(key);
    if (cached?.token === token) {
      this.answers.delete(key);
      this.answers.set(key, cached);
      return cached.answer;
    }
    const answer = this.compute(question, state);
    this.answers.delete(key);
    this.answers.set(key, { token, answer });
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.capacity) break;
      this.answers.delete(oldest);
    }
    answer.catch(() => {
      if (this.answers.get(key)?.answer === answer) this.answers.delete(key);
    });
    return answer;
  }

  private async compute({ kind, distance, official }: IndicatorQuestion, state: RelationState): Promise<IndicatorAnswer> {
    const rows = refreshRelations(this.db, kind, state).then(() =>
      // Named: one text per kind, planned once per server connection (planning is a third of its time).
      queryWithoutJit<IndicatorRow>(this.db, indicatorsSql(kind), [distance, ...scopeParams(scopeOf(official))], { prepared: true }),
    );
    const [indicators, demo] = await Promise.all([rows, official ? noDemo : this.demoPresence(state)]);
    return { unidades: indicators.map(deriveIndicators), demo };
  }

  /** The demo data among the kinds the indicators read, counted again only when one of their layers changed. */
  private demoPresence(state: RelationState): Promise<DemoPresence> {
    const token = versionToken(state.versions, demoSources);
    if (this.demo?.token !== token) {
      const presence = demoPresence(this.db).then((counts) => demoPresenceOf(counts, indicatorDemoKinds));
      this.demo = { token, presence };
      presence.catch(() => {
        if (this.demo?.presence === presence) this.demo = null;
      });
    }
    return this.demo.presence;
  }
}
