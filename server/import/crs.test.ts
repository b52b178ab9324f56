import { describe, expect, it } from 'vitest';
import { sridFromCrsMember, sridFromWkt } from './crs.ts';
import { ImportError } from './errors.ts';

const esri = (name: string, datum: string) =>
  `PROJCS["${name}",GEOGCS["GCS_x",DATUM["${datum}",SPHEROID["s",6378388.0,297.0]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],` +
  'PROJECTION["Transverse_Mercator"],PARAMETER["Central_Meridian",-69.0],UNIT["Meter",1.0]]';

describe('sridFromWkt', () => {
  it('recognises the .prj names ArcGIS, QGIS and GDAL write for Vallenar', () => {
    expect(sridFromWkt(esri('WGS_1984_UTM_Zone_19S', 'D_WGS_1984'))).toBe(32719);
    expect(sridFromWkt(esri('PSAD_1956_UTM_Zone_19S', 'D_Provisional_S_American_1956'))).toBe(24879);
    expect(sridFromWkt(esri('SIRGAS-Chile_UTM_Zone_19S', 'D_SIRGAS-Chile'))).toBe(5361);
    expect(sridFromWkt(esri('SIRGAS_2000_UTM_Zone_19S', 'D_SIRGAS_2000'))).toBe(31979);
    expect(sridFromWkt(esri('UTM_Zone_19_Southern_Hemisphere', 'D_Provisional_S_American_1956'))).toBe(24879);
    expect(sridFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]')).toBe(4326);
    expect(sridFromWkt('GEOGCS["GCS_Provisional_S_American_1956",DATUM["D_Provisional_S_American_1956"]]')).toBe(4248);
  });

  it('prefers an explicit EPSG authority of the whole CRS', () => {
    const wkt = 'PROJCS["PSAD56 / UTM zone 19S",GEOGCS["PSAD56",AUTHORITY["EPSG","4248"]],AUTHORITY["EPSG","24879"]]';
    expect(sridFromWkt(wkt)).toBe(24879);
    expect(sridFromWkt('PROJCRS["WGS 84 / UTM zone 19S",BASEGEOGCRS["WGS 84"],ID["EPSG",32719]]')).toBe(32719);
  });

  it('says null for a system it does not know, instead of guessing', () => {
    expect(sridFromWkt(esri('Local_Municipal_Grid', 'D_Unknown'))).toBeNull();
    expect(sridFromWkt(esri('Hypothetical_UTM_Zone_19S', 'D_Unknown'))).toBeNull();
  });
});

describe('sridFromCrsMember', () => {
  it('reads named EPSG and CRS84 members', () => {
    expect(sridFromCrsMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32719' } })).toBe(32719);
    expect(sridFromCrsMember({ type: 'name', properties: { name: 'EPSG:24879' } })).toBe(24879);
    expect(sridFromCrsMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe(4326);
  });

  it('refuses linked or unknown members explicitly', () => {
    expect(() => sridFromCrsMember({ type: 'link', properties: { href: 'x' } })).toThrow(ImportError);
    expect(() => sridFromCrsMember({ type: 'name', properties: { name: 'Mi sistema local' } })).toThrow(/no se reconoce/);
  });
});
