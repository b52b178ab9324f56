import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { utmZone19sFromLonLat } from './utm-zone-19s.ts';

/**
 * Reference values from PROJ itself, rounded to mm: PostGIS 3's
 * ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 32719), confirmed
 * with PROJ 9.1's `echo "lon lat" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to EPSG:32719`.
 */
const references: [string, number, number, number, number][] = [
  ['Plaza de Armas de Vallenar', -70.7616, -28.575, 327708.311, 6837832.144],
  ['central meridian of zone 19', -69.0, -28.5, 500000.0, 6847408.045],
  ['Domeyko', -70.88, -28.95, 316782.476, 6796098.614],
  ['west edge of the zone', -71.95, -29.1, 212879.863, 6777338.377],
  ['east of the central meridian', -66.2, -27.8, 775872.161, 6921806.876],
  ['Santiago', -70.6483, -33.4569, 346812.854, 6296844.225],
  ['near the equator', -70.0, -0.5, 388723.559, 9944726.488],
];

/**
 * EPSG:32719 as PROJ states it (`projinfo EPSG:32719 -o PROJ`), in proj4, PROJ's
 * JavaScript port. proj4 is a dev dependency only: in the client it would add
 * 22–43 kB gzip for this one projection, so the client keeps the 0.6 kB series.
 */
const epsg32719 = proj4('EPSG:4326', '+proj=utm +zone=19 +south +datum=WGS84 +units=m +no_defs +type=crs');

describe('utmZone19sFromLonLat', () => {
  it.each(references)('matches PROJ to the millimetre at %s', (_name, longitude, latitude, easting, northing) => {
    const position = utmZone19sFromLonLat(longitude, latitude);
    expect(position.easting).toBeCloseTo(easting, 3);
    expect(position.northing).toBeCloseTo(northing, 3);
  });

  it('agrees with proj4 within a millimetre over Chile in zone 19 (72° W–66° W, 17° S–56° S)', () => {
    let worst = 0;
    for (let longitude = -72; longitude <= -66; longitude += 0.25) {
      for (let latitude = -56; latitude <= -17; latitude += 0.5) {
        const ours = utmZone19sFromLonLat(longitude, latitude);
        const [easting, northing] = epsg32719.forward([longitude, latitude]) as [number, number];
        worst = Math.max(worst, Math.abs(ours.easting - easting), Math.abs(ours.northing - northing));
      }
    }
    expect(worst).toBeLessThan(0.001);
  });

  it('puts points west of the central meridian below 500 000 m east', () => {
    expect(utmZone19sFromLonLat(-70.5, -28.5).easting).toBeLessThan(500_000);
    expect(utmZone19sFromLonLat(-68.5, -28.5).easting).toBeGreaterThan(500_000);
  });
});
