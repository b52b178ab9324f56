import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findLayer, type LayerDefinition, type LayerProperty } from '../../server/catalog/index.ts';
import { projectRoot } from '../../server/config.ts';
import { freePort } from '../api.ts';

/**
 * MapServer 8 (Debian's cgi-mapserver) as the field runs it: `mapserv` as a
 * FastCGI program, 4 processes, behind lighttpd. lighttpd was chosen over
 * nginx + spawn-fcgi (or fcgiwrap) because its mod_fastcgi starts, supervises
 * and balances the 4 mapserv processes itself: one Debian package, one
 * process for the benchmark to start and stop, no separate spawner; fcgiwrap
 * would run mapserv as plain CGI (a new process per request), which is not
 * how MapServer is deployed for speed.
 *
 * The mapfile is written here, from the SIT's catalogue, so both sides read
 * the same table and send the same properties with the same SQL casts.
 */

export const mapServerProcesses = 4;
/** The mapfile's alias in the MapServer config file: OGC API URLs are /mapserv/{alias}/ogcapi/… */
export const mapAlias = 'sit';
/** The layers compared (catalogue ids; the MapServer layer names are the same). */
export const comparedLayers = ['microbasurales', 'manzanas_censales'] as const;
/** Tile buffer of the SIT in tile units (64 of 4096) as MapServer's EDGE_BUFFER in pixels of a 256-pixel tile. */
const edgeBufferPixels = 4;
const mapservBinary = '/usr/lib/cgi-bin/mapserv';
const lighttpdBinary = '/usr/sbin/lighttpd';

/** The property as the SIT's tiles and items carry it (layer-query.ts): same casts, dates as 'YYYY-MM-DD'. */
function propertySql(property: LayerProperty): string {
  const column = `"${property.name}"`;
  switch (property.type) {
    case 'string':
      return `${column}::text as ${column}`;
    case 'integer':
      return `${column}::int8 as ${column}`;
    case 'number':
      return `${column}::float8 as ${column}`;
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD') as ${column}`;
    case 'boolean':
      return `${column}::boolean as ${column}`;
  }
}

const quoted = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** libpq keywords from a postgres:// URL, for the mapfile's CONNECTION. */
export function libpqConnection(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const parts = [
    `host=${url.hostname}`,
    `port=${url.port || '5432'}`,
    `dbname=${decodeURIComponent(url.pathname.slice(1))}`,
    `user=${decodeURIComponent(url.username)}`,
  ];
  if (url.password) parts.push(`password=${decodeURIComponent(url.password)}`);
  return parts.join(' ');
}

function layerBlock(layer: LayerDefinition, connection: string): string {
  const columns = [`"${layer.idColumn}"`, ...layer.properties.map(propertySql), `"${layer.geometryColumn}"`];
  const type = layer.geometryType === 'Point' ? 'POINT' : layer.geometryType === 'MultiLineString' ? 'LINE' : 'POLYGON';
  const items = layer.properties.map((property) => property.name).join(',');
  return `  LAYER
    NAME ${quoted(layer.id)}
    TYPE ${type}
    STATUS ON
    # OGC API Features serves only queryable layers, and a layer is queryable when it has a template.
    TEMPLATE "void"
    CONNECTIONTYPE POSTGIS
    CONNECTION ${quoted(connection)}
    # Keep the connection open between requests, as the SIT's pool does.
    PROCESSING "CLOSE_CONNECTION=DEFER"
    DATA ${quoted(`${layer.geometryColumn} from (select ${columns.join(', ')} from "${layer.table}") as features using unique ${layer.idColumn} using srid=4326`)}
    PROJECTION
      "init=epsg:4326"
    END
    EXTENT -180 -90 180 90
    METADATA
      "ows_title" ${quoted(layer.title)}
      "ows_include_items" ${quoted(items)}
      "gml_include_items" ${quoted(items)}
      "ows_types" "auto"
      "gml_types" "auto"
      "ows_featureid" ${quoted(layer.idColumn)}
      "gml_featureid" ${quoted(layer.idColumn)}
      "oga_featureid" ${quoted(layer.idColumn)}
      "ows_extent" "-70.95 -28.8 -70.5 -28.4"
    END
  END`;
}

/** The mapfile: one layer per compared collection, MVT output, OGC API Features on. */
export function mapfileText(databaseUrl: string): string {
  const connection = libpqConnection(databaseUrl);
  const layers = comparedLayers.map((id) => layerBlock(findLayer(id) as LayerDefinition, connection));
  return `MAP
  NAME "sit_bench"
  EXTENT -20037508.34 -20037508.34 20037508.34 20037508.34
  SIZE 256 256
  UNITS METERS
  PROJECTION
    "init=epsg:3857"
  END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    MIMETYPE "application/vnd.mapbox-vector-tile"
    EXTENSION "pbf"
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=${edgeBufferPixels}"
  END
  WEB
    METADATA
      "ows_title" "SIT Vallenar (benchmark)"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "ows_srs" "EPSG:4326 EPSG:3857"
      "oga_max_limit" "10000"
    END
  END
${layers.join('\n')}
END
`;
}

function configText(mapfile: string): string {
  return `CONFIG
  ENV
    MS_MAPFILE ${quoted(mapfile)}
    MS_MAP_NO_PATH "1"
  END
  MAPS
    ${mapAlias.toUpperCase()} ${quoted(mapfile)}
  END
END
`;
}

function lighttpdText(directory: string, port: number): string {
  return `server.modules = ("mod_setenv", "mod_fastcgi")
# mapserv loads its configuration at start (bin-environment below) and again from each request's environment.
setenv.add-environment = ("MAPSERVER_CONFIG_FILE" => "${directory}/mapserver.conf")
server.document-root = "${directory}"
server.bind = "127.0.0.1"
server.port = ${port}
server.errorlog = "${directory}/lighttpd.log"
server.max-keep-alive-requests = 100000
server.max-keep-alive-idle = 60
fastcgi.server = ("/mapserv" => ((
  "socket" => "${directory}/mapserv.socket",
  "bin-path" => "${mapservBinary}",
  "max-procs" => ${mapServerProcesses},
  "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "${directory}/mapserver.conf"),
  "check-local" => "disable"
)))
`;
}

/** Why MapServer cannot run here, or undefined when it can (installing it from Debian if missing). */
export function mapServerUnavailable(): string | undefined {
  try {
    execFileSync('bash', [path.join(projectRoot, 'bench', 'mapserver', 'install.sh')], { stdio: ['ignore', 'inherit', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `no se pudo instalar MapServer (bench/mapserver/install.sh): ${stderr || (error as Error).message}`;
  }
  try {
    const version = execFileSync(mapservBinary, ['-v']).toString();
    if (!version.includes('SUPPORTS=FASTCGI') || !version.includes('SUPPORTS=PBF') || !version.includes('SUPPORTS=OGCAPI_SERVER')) {
      return `mapserv no trae FastCGI, MVT (PBF) y OGC API: ${version.trim()}`;
    }
  } catch (error) {
    return `mapserv no arranca: ${(error as Error).message}`;
  }
  return undefined;
}

/** `MapServer version 8.0.0 …` and the lighttpd version, for the report. */
export function mapServerVersions(): { mapserver: string; lighttpd: string } {
  const mapserver = /MapServer version (\S+)/.exec(execFileSync(mapservBinary, ['-v']).toString())?.[1] ?? '?';
  const debian = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'cgi-mapserver']).toString().trim();
  const lighttpd = /lighttpd\/(\S+)/.exec(execFileSync(lighttpdBinary, ['-v']).toString())?.[1] ?? '?';
  return { mapserver: `${mapserver} (Debian ${debian})`, lighttpd };
}

export interface MapServerHandle {
  baseUrl: string;
  /** Tile URL path for a layer, in the same z/x/y as the SIT's WebMercatorQuad. */
  tilePath(layerId: string, z: number, x: number, y: number): string;
  /** OGC API Features items path. */
  itemsPath(layerId: string, limit: number, offset: number): string;
  stop(): Promise<void>;
}

/** Process ids whose parent is `pid` (lighttpd's mapserv processes). */
function childPids(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
      .toString()
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((value) => value > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes the mapfile and lighttpd's configuration in a temporary folder and starts lighttpd (which starts mapserv ×4). */
export async function startMapServer(databaseUrl: string): Promise<MapServerHandle> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'sit-mapserver-'));
  const port = await freePort();
  const mapfile = path.join(directory, 'sit.map');
  await writeFile(mapfile, mapfileText(databaseUrl));
  await writeFile(path.join(directory, 'mapserver.conf'), configText(mapfile));
  await writeFile(path.join(directory, 'lighttpd.conf'), lighttpdText(directory, port));
  const child: ChildProcess = spawn(lighttpdBinary, ['-D', '-f', path.join(directory, 'lighttpd.conf')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const handle: MapServerHandle = {
    baseUrl,
    tilePath: (layerId, z, x, y) => `/mapserv?mode=tile&tilemode=gmap&tile=${x}+${y}+${z}&layers=${layerId}&map.imagetype=mvt`,
    itemsPath: (layerId, limit, offset) =>
      `/mapserv/${mapAlias}/ogcapi/collections/${layerId}/items?f=json&limit=${limit}&offset=${offset}`,
    async stop() {
      // lighttpd leaves its FastCGI children running when it ends, and mapserv waiting
      // for a request ignores SIGTERM: end them first, by their process ids.
      for (const pid of childPids(child.pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
  for (let waited = 0; ; waited += 100) {
    const status = await fetch(`${baseUrl}${handle.itemsPath(comparedLayers[0], 1, 0)}`).then(
      async (response) => ({ code: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() }),
      () => ({ code: 0, type: '', body: '' }),
    );
    // MapServer reports its errors as HTML pages with status 200.
    if (status.code === 200 && status.type.includes('json')) break;
    if (child.exitCode !== null || waited > 20_000) {
      const log = await readFile(path.join(directory, 'lighttpd.log'), 'utf8').catch(() => '');
      await handle.stop();
      throw new Error(`MapServer no respondió (HTTP ${status.code}): ${status.body.slice(-400)} ${log.slice(-400)}`);
    }
    await sleep(100);
  }
  return handle;
}
