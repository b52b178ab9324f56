/** A position in UTM zone 19 south (EPSG:32719): metres east and north. */
export interface UtmPosition {
  easting: number;
  northing: number;
}

// WGS 84 ellipsoid and the UTM zone 19S parameters (EPSG:32719).
const a = 6_378_137;
const f = 1 / 298.257_223_563;
const k0 = 0.9996;
const centralMeridian = -69;
const falseEasting = 500_000;
const falseNorthing = 10_000_000;

const n = f / (2 - f);
const n2 = n * n;
const n3 = n2 * n;
const n4 = n3 * n;
/** Rectifying radius A (Krüger). */
const rectifyingRadius = (a / (1 + n)) * (1 + n2 / 4 + n4 / 64);
/** Krüger's α coefficients, to n⁴ (sub-millimetre within a zone). */
const alpha = [
  n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4,
  (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4,
  (61 / 240) * n3 - (103 / 140) * n4,
  (49561 / 161280) * n4,
];
const eccentricity = Math.sqrt(f * (2 - f));
const degrees = Math.PI / 180;

/**
 * Converts WGS 84 longitude/latitude (degrees, EPSG:4326) to UTM zone 19
 * south (EPSG:32719), with Krüger's series for the transverse Mercator
 * projection. Valid where Vallenar is (zone 19 spans 72° W to 66° W); points
 * outside the zone are still projected on its central meridian, less exactly.
 */
export function utmZone19sFromLonLat(longitude: number, latitude: number): UtmPosition {
  const phi = latitude * degrees;
  const lambda = (longitude - centralMeridian) * degrees;
  const sinPhi = Math.sin(phi);
  // Conformal latitude, through its tangent.
  const t = Math.sinh(Math.atanh(sinPhi) - eccentricity * Math.atanh(eccentricity * sinPhi));
  const xiPrime = Math.atan2(t, Math.cos(lambda));
  const etaPrime = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let xi = xiPrime;
  let eta = etaPrime;
  alpha.forEach((coefficient, index) => {
    const j = 2 * (index + 1);
    xi += coefficient * Math.sin(j * xiPrime) * Math.cosh(j * etaPrime);
    eta += coefficient * Math.cos(j * xiPrime) * Math.sinh(j * etaPrime);
  });
  return {
    easting: falseEasting + k0 * rectifyingRadius * eta,
    northing: falseNorthing + k0 * rectifyingRadius * xi,
  };
}
