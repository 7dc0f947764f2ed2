// The base world map, built once per process from world-atlas (Natural Earth 1:110m, shipped in the npm
// package: nothing is fetched at run time). Per organization only the fill of each shape changes.
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "i18n-iso-countries";
import topology from "world-atlas/countries-110m.json";
import { smallRegions } from "./small-regions";

export const MAP_WIDTH = 960;

/** One country or region of the base map: an SVG path, or a dot for regions too small for 1:110m. */
export type MapShape = { code: string; path: string };
export type MapDot = { code: string; x: number; y: number };
export type BaseMap = { width: number; height: number; shapes: MapShape[]; dots: MapDot[] };

// Antarctica has no universities in any alliance and takes a sixth of the picture.
const LEFT_OUT = new Set(["AQ"]);

/** ISO 3166-1 numeric id (world-atlas's "156") → alpha-2 ("CN"); null for shapes without an ISO code. */
export function alpha2FromNumeric(id: string | number | undefined): string | null {
  if (id === undefined || id === "") return null;
  return countries.numericToAlpha2(String(id).padStart(3, "0")) ?? null;
}

/** Alpha-2 ("HK") → ISO numeric ("344"), or null when the code is unknown. */
export function numericFromAlpha2(code: string): string | null {
  return countries.alpha2ToNumeric(code) ?? null;
}

let memo: BaseMap | undefined;

/** The projected base map; computed on first use and kept for the life of the process. */
export function baseMap(): BaseMap {
  if (memo) return memo;
  const world = topology as unknown as Topology<{ countries: GeometryCollection }>;
  const all = feature(world, world.objects.countries).features;
  const kept = all.filter((f) => !LEFT_OUT.has(alpha2FromNumeric(f.id) ?? ""));
  // Fitted to the land that is drawn, so the picture has no empty band where Antarctica would be.
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 8, { type: "FeatureCollection", features: kept });
  const [[, top], [, bottom]] = geoPath(projection).bounds({ type: "FeatureCollection", features: kept });
  const height = Math.ceil(bottom - top) + 8;
  projection.translate([projection.translate()[0] + 4, projection.translate()[1] - top + 4]);
  // Whole pixels: at this size a finer grid adds a third to the markup and nothing to the picture.
  const path = geoPath(projection).digits(0);
  const shapes: MapShape[] = [];
  const drawn = new Set<string>();
  for (const f of kept) {
    const code = alpha2FromNumeric(f.id);
    const d = path(f);
    // Shapes without an ISO code (N. Cyprus, Somaliland, Kosovo) are drawn as land that no one can highlight.
    if (!d) continue;
    shapes.push({ code: code ?? "", path: d });
    if (code) drawn.add(code);
  }
  const dots: MapDot[] = [];
  for (const [code, lon, lat] of smallRegions) {
    if (drawn.has(code)) continue;
    const p = projection([lon, lat]);
    if (p) dots.push({ code, x: Math.round(p[0]), y: Math.round(p[1]) });
  }
  memo = { width: MAP_WIDTH, height, shapes, dots };
  return memo;
}

/** Whether a country or region can be shown on the map (as a shape or a dot). */
export function isOnMap(code: string): boolean {
  const map = baseMap();
  return map.shapes.some((s) => s.code === code) || map.dots.some((d) => d.code === code);
}
