// The base world map, built once per process from world-atlas (Natural Earth 1:110m, shipped in the npm
// package: nothing is fetched at run time). The land is one static picture (baseMapSvg, served as
// /maps/world.svg and cached by browsers); an organization's page draws only a circle per member country
// over it, at that country's anchor, so its markup stays small however many countries it spans.
import { geoEqualEarth, geoPath, type GeoPath } from "d3-geo";
import type { Geometry, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "i18n-iso-countries";
import topology from "world-atlas/countries-110m.json";
import { LAND_FILL, SEA_FILL } from "./map-colours";
import { smallRegions } from "./small-regions";

export const MAP_WIDTH = 960;

/** One country or region of the base map: an SVG path, or a dot for regions too small for 1:110m. */
export type MapShape = { code: string; path: string };
export type MapDot = { code: string; x: number; y: number };
export type BaseMap = {
  width: number;
  height: number;
  shapes: MapShape[];
  dots: MapDot[];
  /** Where each country's circle goes: the centre of its largest landmass (France's is in Europe, not between it and
   * Guiana), or its dot. */
  anchors: Map<string, { x: number; y: number }>;
};

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
  const exact = geoPath(projection);
  const shapes: MapShape[] = [];
  const anchors = new Map<string, { x: number; y: number }>();
  for (const f of kept) {
    const code = alpha2FromNumeric(f.id);
    const d = path(f);
    // Shapes without an ISO code (N. Cyprus, Somaliland, Kosovo) are drawn as land that no one can highlight.
    if (!d) continue;
    shapes.push({ code: code ?? "", path: d });
    if (code) anchors.set(code, anchorOf(f.geometry, exact));
  }
  const dots: MapDot[] = [];
  for (const [code, lon, lat] of smallRegions) {
    if (anchors.has(code)) continue;
    const p = projection([lon, lat]);
    if (!p) continue;
    const dot = { code, x: Math.round(p[0]), y: Math.round(p[1]) };
    dots.push(dot);
    anchors.set(code, { x: dot.x, y: dot.y });
  }
  memo = { width: MAP_WIDTH, height, shapes, dots, anchors };
  return memo;
}

/** The projected centroid of a country's largest polygon, in whole pixels. */
function anchorOf(geometry: Geometry, path: GeoPath): { x: number; y: number } {
  const polygons: Polygon[] =
    geometry.type === "MultiPolygon"
      ? geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }))
      : geometry.type === "Polygon"
        ? [geometry]
        : [];
  const largest = polygons.reduce<Polygon | null>(
    (best, p) => (!best || path.area(p) > path.area(best) ? p : best),
    null,
  );
  const [x, y] = path.centroid(largest ?? geometry);
  return { x: Math.round(x), y: Math.round(y) };
}

let svgMemo: string | undefined;

/** The land as one standalone SVG document: the picture every organization's map draws its circles on. */
export function baseMapSvg(): string {
  if (svgMemo) return svgMemo;
  const map = baseMap();
  const paths = map.shapes.map((s) => `<path d="${s.path}"/>`).join("");
  svgMemo =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" ` +
    `width="${map.width}" height="${map.height}">` +
    `<rect width="100%" height="100%" fill="${SEA_FILL}"/>` +
    `<g fill="${LAND_FILL}" stroke="#ffffff" stroke-width="0.5">${paths}</g></svg>`;
  return svgMemo;
}

/** Whether a country or region can be shown on the map (it has a circle's place: a shape or a dot). */
export function isOnMap(code: string): boolean {
  return baseMap().anchors.has(code);
}
