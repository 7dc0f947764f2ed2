"use client";

import { SEA_FILL } from "@/lib/charts/map-colours";

/** A circle of the map as ./world-map.tsx places it on the server: where, how big, its shade and its tooltip. */
export type MapCircle = { code: string; x: number; y: number; r: number; fill: string; title: string | null };

/** The map's picture, every circle placed: rings for countries only a source names, then members, largest first. */
export type MapPicture = {
  width: number;
  height: number;
  rings: MapCircle[];
  members: (MapCircle & { count: number })[];
};

/**
 * The map itself: the land as one cached picture (/maps/world.svg) and over it the circles. A client component only
 * for what it sends: as a server component every circle was its element tree in the page's payload (about 200 bytes
 * a country) on top of the HTML; this travels as the circles' facts. The HTML is the same.
 */
export function WorldMapPicture({ picture, label }: { picture: MapPicture; label: string }) {
  const { width, height, rings, members } = picture;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="h-auto w-full rounded-md border border-line"
      style={{ background: SEA_FILL }}
    >
      <image href="/maps/world.svg" width={width} height={height} />
      <g stroke="#1c2430" strokeWidth={1}>
        {rings.map((c) => (
          <circle key={c.code} cx={c.x} cy={c.y} r={c.r} fill={c.fill} data-country={c.code}>
            <title>{c.title}</title>
          </circle>
        ))}
      </g>
      <g stroke="#ffffff" strokeWidth={1} fillOpacity={0.9}>
        {members.map((c) => (
          <circle key={c.code} cx={c.x} cy={c.y} r={c.r} fill={c.fill} data-country={c.code} data-count={c.count}>
            <title>{c.title}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}

/** The member countries in words under the map: each one's name and count. */
export function MemberCountryList({ countries }: { countries: [code: string, name: string, count: number][] }) {
  return (
    <ul className="mt-1 gap-x-6 text-sm sm:columns-2 lg:columns-3" data-testid="map-countries">
      {countries.map(([code, name, count]) => (
        <li key={code} className="count-row">
          <span>{name}</span>
          <span className="tabular-nums">{count}</span>
        </li>
      ))}
    </ul>
  );
}
