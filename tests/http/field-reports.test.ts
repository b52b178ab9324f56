import { randomUUID } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';
import { cameraJpeg, multipartBody, type FilePart } from '../support/multipart.ts';

let t: TestApp;
let field: { authorization: string };
let planner: { authorization: string };
let photoA: Buffer;
let photoB: Buffer;

const report = (changes: Record<string, unknown> = {}) => ({
  uuid: randomUUID(),
  lon: -70.7505,
  lat: -28.5835,
  precision_gps_m: 6,
  origen_posicion: 'gps',
  categoria_residuo: 'escombros',
  superficie_m2: 12,
  volumen_m3: 3.5,
  tenencia: 'publica',
  notas: 'Junto al cauce, bajo el puente',
  creado_en: '2026-11-20T15:04:05.000Z',
  ...changes,
});
const jpeg = (bytes: Buffer, filename = 'foto.jpg'): FilePart => ({ name: 'fotos', filename, type: 'image/jpeg', bytes });

function send(body: Record<string, unknown>, files: FilePart[], headers: Record<string, string> = field) {
  const form = multipartBody({ reporte: JSON.stringify(body) }, files);
  return t.app.inject({ method: 'POST', url: '/campo/reportes', headers: { ...headers, ...form.headers }, payload: form.payload });
}

async function counts() {
  const [row] = await t.app.db.query<{ sitios: number; reportes: number; fotos: number; auditoria: number }>(
    `select (select count(*)::int from microbasurales) as sitios, (select count(*)::int from reportes_microbasural) as reportes,
            (select count(*)::int from fotos_microbasural) as fotos, (select count(*)::int from auditoria) as auditoria`,
  );
  return row!;
}

beforeAll(async () => {
  t = await openTestApp();
  field = await authHeaders(t.app, 'terreno');
  planner = await authHeaders(t.app, 'planificador');
  photoA = await cameraJpeg({ color: '#8a6d3b' });
  photoB = await cameraJpeg({ color: '#556b2f', width: 4000, height: 3000 });
});
afterAll(async () => t?.close());

describe('POST /campo/reportes', () => {
  it('stores a report as a new site with its photos, EXIF stripped, and answers 201 with Location', async () => {
    const before = await counts();
    const body = report();
    const response = await send(body, [jpeg(photoA), jpeg(photoB)]);
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json();
    expect(response.headers.location).toBe(`/campo/reportes/${body.uuid}`);
    expect(answer.uuid).toBe(body.uuid);
    expect(answer.microbasural).toMatchObject({ estado: 'reportado', codigo: expect.stringMatching(/^MB-\d{4}-\d{5}$/) });
    expect(answer.fotos).toHaveLength(2);
    expect(await counts()).toEqual({
      sitios: before.sitios + 1,
      reportes: before.reportes + 1,
      fotos: before.fotos + 2,
      auditoria: before.auditoria + 1,
    });

    const photo = await t.app.inject({ method: 'GET', url: answer.fotos[1].url, headers: field });
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const stored = photo.rawPayload;
    expect(stored.includes(Buffer.from('TelefonoPrueba'))).toBe(false);
    expect(stored.includes(Buffer.from('Funcionaria Municipal'))).toBe(false);
    expect(await exifr.gps(stored).catch(() => undefined)).toBeUndefined();
    const metadata = await sharp(stored).metadata();
    expect(Math.max(metadata.width!, metadata.height!)).toBe(2048);
    expect(metadata.exif).toBeUndefined();
    // The EXIF position was kept as a hint on the report, not as the report's position.
    const [row] = await t.app.db.query<{ exif: string; punto: string }>(
      `select ST_AsText(exif_geom, 4) as exif, ST_AsText(geom, 4) as punto from reportes_microbasural where uuid = $1`,
      [body.uuid],
    );
    expect(row).toEqual({ exif: 'POINT(-70.7611 -28.575)', punto: 'POINT(-70.7505 -28.5835)' });
    expect(answer.avisos.join(' ')).toMatch(/EXIF.*m del punto/);
    // Anonymous people cannot see photos (they may show people or licence plates).
    expect((await t.app.inject({ method: 'GET', url: answer.fotos[0].url })).statusCode).toBe(401);
  });

  it('answers an identical resend with the same report, and a reused UUID with other content with 409', async () => {
    const body = report();
    const first = await send(body, [jpeg(photoA)]);
    expect(first.statusCode).toBe(201);
    const before = await counts();
    const again = await send(body, [jpeg(photoA)]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const changed = await send({ ...body, volumen_m3: 9 }, [jpeg(photoA)]);
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'uuid_conflict', field: 'reporte.uuid' });
    const otherPhoto = await send(body, [jpeg(photoB)]);
    expect(otherPhoto.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('makes exactly one report out of 100 concurrent sends of the same UUID', async () => {
    const body = report();
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 100 }, () => send(body, [jpeg(photoA)])));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(99);
    expect(new Set(answers.map((answer) => answer.json().microbasural.id)).size).toBe(1);
    expect(await counts()).toEqual({
      sitios: before.sitios + 1,
      reportes: before.reportes + 1,
      fotos: before.fotos + 1,
      auditoria: before.auditoria + 1,
    });
  });

  it('refuses a photo too large, a file that is not an image, six photos and none, storing nothing', async () => {
    const before = await counts();
    const huge = Buffer.concat([photoA, Buffer.alloc(9 * 1024 * 1024, 1)]);
    const tooLarge = await send(report(), [jpeg(photoA), jpeg(huge)]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'photo_too_large', field: 'fotos.1' });
    const notImage = await send(report(), [jpeg(photoA), jpeg(Buffer.from('esto no es una imagen, es texto'), 'foto2.jpg')]);
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json()).toMatchObject({ code: 'invalid_photo', field: 'fotos.1' });
    expect(notImage.json().description).toMatch(/no es una imagen/);
    const six = await send(
      report(),
      Array.from({ length: 6 }, () => jpeg(photoA)),
    );
    expect(six.statusCode).toBe(413);
    const none = await send(report(), []);
    expect(none.statusCode).toBe(422);
    expect(none.json().field).toBe('fotos');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['no UUID', { uuid: 'abc' }, 'reporte.uuid'],
    ['a position outside the comuna', { lon: -70.65, lat: -33.44 }, 'reporte.lat'],
    ['an unknown waste category', { categoria_residuo: 'nuclear' }, 'reporte.categoria_residuo'],
    ['a negative volume', { volumen_m3: -1 }, 'reporte.volumen_m3'],
    ['script in the notes', { notas: '<script>alert(1)</script>' }, 'reporte.notas'],
    ['an unknown field', { reportado_por: 'otro' }, 'reporte.reportado_por'],
  ])('refuses %s naming the field, storing nothing', async (_name, change, fieldName) => {
    const before = await counts();
    const response = await send(report(change), [jpeg(photoA)]);
    expect(response.statusCode).toBe(422);
    expect(response.json().field).toBe(fieldName);
    expect(await counts()).toEqual(before);
  });

  it('takes reports from terreno and planificador only', async () => {
    expect((await send(report(), [jpeg(photoA)], {})).statusCode).toBe(401);
    expect((await send(report(), [jpeg(photoA)], await authHeaders(t.app, 'revisor'))).statusCode).toBe(403);
    expect((await send(report(), [jpeg(photoA)], planner)).statusCode).toBe(201);
  });

  it('links a report within 30 m of a cleaned site as a reincidence, and not one 100 m away', async () => {
    const [cleaned] = await t.app.db.query<{ id: number }>(
      `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", geom, limpiado_en)
       values ('MB-LIMPIO', 'limpiado', 'publica', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.7400, -28.5900), 4326), '2026-10-01') returning id`,
    );
    // 0.0002° of latitude ≈ 22 m; 0.0009° ≈ 100 m.
    const near = await send(report({ lon: -70.74, lat: -28.5902 }), [jpeg(photoA)]);
    expect(near.json().microbasural.reincidencia_de).toBe(cleaned!.id);
    expect(near.json().avisos.join(' ')).toMatch(/reincidencia/);
    const far = await send(report({ lon: -70.74, lat: -28.5909 }), [jpeg(photoA)]);
    expect(far.json().microbasural.reincidencia_de).toBeNull();
  });
});
