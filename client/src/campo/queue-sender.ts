import { refreshSession, session } from '../auth/session.ts';
import { applyOutcome, isDue, withSiteStatus, type QueueItem, type SendOutcome, type SiteSummary } from './queue-state.ts';
import { queueStore } from './queue-store.ts';

/** How often the sender looks for reports whose retry time has come, milliseconds. */
const tickInterval = 5_000;
/** How often the status of the sites of sent reports is read again, milliseconds. */
const siteRefreshInterval = 60_000;
/** Name of the Web Lock that keeps two tabs from sending at once. */
const lockName = 'sit-campo-envio';

/** POSTs one report as multipart/form-data: the JSON `reporte` and its photos as `fotos`. */
async function postReport(item: QueueItem): Promise<SendOutcome> {
  if (!session().csrf) {
    try {
      await refreshSession();
    } catch (error) {
      return { kind: 'network', message: (error as Error).message };
    }
    if (!session().usuario) return { kind: 'answer', status: 401, body: null };
  }
  const form = new FormData();
  form.append('reporte', JSON.stringify(item.body));
  item.photos.forEach((photo, index) => form.append('fotos', photo.blob, `foto-${index + 1}.jpg`));
  let response: Response;
  try {
    response = await fetch('/campo/reportes', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(session().csrf ? { 'X-CSRF-Token': session().csrf as string } : {}) },
      body: form,
    });
  } catch (error) {
    return { kind: 'network', message: (error as Error).message };
  }
  const body: unknown = await response.json().catch(() => null);
  return { kind: 'answer', status: response.status, body };
}

/** A row of GET /campo/reportes?mios=true. */
interface MyReport {
  uuid: string;
  microbasural_id: number;
  codigo: string;
  estado: string;
}

/** The current status of the sites of my sent reports, by report UUID; empty when unreachable. */
async function mySites(): Promise<Map<string, SiteSummary>> {
  const sites = new Map<string, SiteSummary>();
  try {
    const response = await fetch('/campo/reportes?mios=true', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return sites;
    const body = (await response.json()) as { reportes?: MyReport[] };
    for (const report of body.reportes ?? [])
      sites.set(report.uuid, { id: report.microbasural_id, codigo: report.codigo, estado: report.estado });
  } catch {
    // Offline: the statuses stay as last seen.
  }
  return sites;
}

/**
 * Sends the queue: when asked ("Enviar ahora"), when the connection
 * returns, and every few seconds for reports whose backoff has run out.
 * Never two sends at once: one drain at a time in the page, and a Web Lock
 * across tabs. The UUID keeps the server from making a second report anyway.
 */
export class QueueSender {
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sitesRefreshedAt = 0;

  constructor(private readonly onChange: () => void) {}

  /** Starts the automatic sending. */
  start(): void {
    window.addEventListener('online', () => void this.send({ force: true }));
    this.timer ??= setInterval(() => void this.send({ force: false }), tickInterval);
    void this.send({ force: false });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** True while a drain runs. */
  get busy(): boolean {
    return this.draining !== null;
  }

  /** Sends pending reports; `force` ignores the backoff (the person asked, or the connection returned). */
  send({ force }: { force: boolean }): Promise<void> {
    if (this.draining) {
      this.again ||= force;
      return this.draining;
    }
    this.draining = this.withLock(() => this.drain(force)).finally(() => {
      this.draining = null;
      this.onChange();
      if (this.again) {
        this.again = false;
        void this.send({ force: true });
      }
    });
    this.onChange();
    return this.draining;
  }

  private async withLock(work: () => Promise<void>): Promise<void> {
    if (!('locks' in navigator)) return work();
    await navigator.locks.request(lockName, { ifAvailable: true }, async (lock) => {
      if (lock) await work();
    });
  }

  private async drain(force: boolean): Promise<void> {
    const items = await queueStore.all();
    // Oldest first, so reports reach the office in the order they were made.
    const due = items.filter((item) => item.status === 'pendiente' && (force || isDue(item, Date.now()))).reverse();
    let reachedServer = false;
    for (const item of due) {
      const outcome = await postReport(item);
      const current = await queueStore.get(item.uuid);
      if (!current || current.status !== 'pendiente') continue; // Discarded or changed meanwhile.
      await queueStore.put(applyOutcome(current, outcome, new Date()));
      this.onChange();
      if (outcome.kind === 'network') break; // No connection: the rest would fail alike.
      reachedServer = true;
    }
    const stale = Date.now() - this.sitesRefreshedAt > siteRefreshInterval;
    if (reachedServer || ((force || stale) && items.some((item) => item.status === 'enviado'))) await this.refreshSites();
  }

  /** Updates the site status of sent reports from the server. */
  private async refreshSites(): Promise<void> {
    this.sitesRefreshedAt = Date.now();
    const sites = await mySites();
    if (sites.size === 0) return;
    for (const item of await queueStore.all()) {
      const site = sites.get(item.uuid);
      if (!site) continue;
      const updated = withSiteStatus(item, site);
      if (updated !== item) await queueStore.put(updated);
    }
  }
}
