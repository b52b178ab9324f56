/**
 * The field app's service worker (built to /campo-sw.js, scope /campo).
 * - The app shell (campo.html as /campo, its scripts, styles, worker and
 *   icons) is precached at install; the list and version are written into
 *   this file by the build (precache-plugin.ts).
 * - Navigations to /campo: the network when it answers, else the shell.
 * - /assets/*: hashed and immutable, so the cache first.
 * - Map style, tiles, TileJSON and the street and place names: the network
 *   first, and what it answered goes to a bounded cache for use offline.
 * - Everything else (the API, sign-in, photos, any write) is never touched:
 *   no POST is ever cached or replayed here; the page's queue does that.
 */

interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface SwScope {
  readonly location: Location;
  readonly registration: { scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  /** Written by the build: the shell's URLs and a version that changes when any of them does. */
  campoPrecache?: { version: string; urls: string[] };
}

const worker = self as unknown as SwScope;
const manifest = worker.campoPrecache ?? { version: 'dev', urls: ['/campo'] };
const shellCache = `campo-shell-${manifest.version}`;
const mapCache = 'campo-mapa';
/** Map responses (tiles, TileJSON) kept for offline use; the oldest go first. */
const mapCacheEntries = 600;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(shellCache)
      .then((cache) => cache.addAll(manifest.urls.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith('campo-shell-') && name !== shellCache).map((name) => caches.delete(name))),
      )
      .then(() => worker.clients.claim()),
  );
});

async function shellFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: shellCache });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(shellCache);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkOrShell(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) return response;
    const shell = await caches.match('/campo', { cacheName: shellCache });
    return shell ?? response;
  } catch (error) {
    const shell = await caches.match('/campo', { cacheName: shellCache });
    if (shell) return shell;
    throw error;
  }
}

async function trim(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - mapCacheEntries)).map((key) => cache.delete(key)));
}

/** The collections whose names the field map shows. */
const fieldNameCollections = new Set(['/collections/calles/items', '/collections/toponimia/items']);

async function networkThenMapCache(request: Request): Promise<Response> {
  const cache = await caches.open(mapCache);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.delete(request);
      await cache.put(request, response.clone());
      void trim(cache);
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname === '/campo' || url.pathname === '/campo/' || url.pathname === '/campo.html')
      event.respondWith(networkOrShell(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || manifest.urls.includes(url.pathname)) {
    event.respondWith(shellFirst(request));
    return;
  }
  // Tiles, and the street and place names the field map draws (field-names-layer.ts).
  if (url.pathname.startsWith('/tiles/') || fieldNameCollections.has(url.pathname)) event.respondWith(networkThenMapCache(request));
});

// A module, so its names stay out of the page scripts' global scope when type-checked together.
export {};
