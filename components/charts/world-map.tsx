import { getTranslations } from "next-intl/server";
import { baseMap } from "@/lib/charts/world-map";
import { countryName } from "@/lib/countries";
import type { CountryCount } from "@/lib/data/charts";

// Sequential shades of the accent colour, light to dark, by order of magnitude of the member count.
const SHADES = [
  { from: 1, fill: "#8cc6d6" },
  { from: 2, fill: "#4b9db5" },
  { from: 10, fill: "#1d7890" },
  { from: 100, fill: "#0a4253" },
] as const;
const NAMED_FILL = "#f0c987";
const LAND_FILL = "#dde3ea";

export function shadeFor(count: number): string {
  return [...SHADES].reverse().find((s) => count >= s.from)?.fill ?? LAND_FILL;
}

/**
 * The map itself: one path per country of the base map (never per member), filled by its member count;
 * highlighted regions too small for the map as dots. `describe` gives each shape's tooltip.
 */
export function WorldMapSvg({ members, namedOnly, label, describe }: { members: CountryCount[]; namedOnly: string[]; label: string; describe: (code: string) => string | null }) {
  const map = baseMap();
  const counts = new Map(members.map((m) => [m.code, m.count]));
  const named = new Set(namedOnly);
  const fillOf = (code: string) => (counts.has(code) ? shadeFor(counts.get(code)!) : named.has(code) ? NAMED_FILL : LAND_FILL);
  const dots = map.dots.filter((d) => counts.has(d.code) || named.has(d.code));
  return (
    <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={label} className="h-auto w-full rounded-md border border-line bg-[#f3f7f9]">
      <g stroke="#ffffff" strokeWidth={0.5}>
        {map.shapes.map((s, i) => {
          const title = describe(s.code);
          return (
            <path key={s.code || `x${i}`} d={s.path} fill={fillOf(s.code)} data-country={s.code || undefined} data-count={counts.get(s.code)}>
              {title ? <title>{title}</title> : null}
            </path>
          );
        })}
      </g>
      <g stroke="#1c2430" strokeWidth={1}>
        {dots.map((d) => (
          <circle key={d.code} cx={d.x} cy={d.y} r={5} fill={fillOf(d.code)} data-country={d.code} data-count={counts.get(d.code)}>
            <title>{describe(d.code)}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}

/**
 * Member countries on a world map, drawn on the server: one path per country (never per member), coloured
 * by how many members it has; regions too small for the map (Hong Kong, Singapore) as dots. The list under
 * the map says the same in words.
 */
export async function WorldMap({ members, namedOnly, locale }: { members: CountryCount[]; namedOnly: string[]; locale: string }) {
  const t = await getTranslations({ locale, namespace: "charts" });
  if (!members.length && !namedOnly.length) return <p className="text-sm text-muted">{t("noMapData")}</p>;
  const counts = new Map(members.map((m) => [m.code, m.count]));
  const named = new Set(namedOnly);
  const sep = locale === "zh" ? "、" : ", ";
  const top = members.slice(0, 10).map((m) => `${countryName(m.code, locale)} ${m.count}`).join(sep);
  const label = t("mapLabel", { count: members.length, top: top ? ` (${top}${members.length > 10 ? "…" : ""})` : "" });
  const describe = (code: string) => {
    const count = counts.get(code);
    if (count) return t("mapMembers", { country: countryName(code, locale), count });
    if (named.has(code)) return t("mapNamed", { country: countryName(code, locale) });
    return code ? countryName(code, locale) : null;
  };
  return (
    <div className="space-y-3" data-chart="world-map">
      <WorldMapSvg members={members} namedOnly={namedOnly} label={label} describe={describe} />
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
        <span>{t("legendMembers")}:</span>
        {SHADES.map((s, i) => (
          <span key={s.from} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-4 rounded-sm border border-slate-400" style={{ background: s.fill }} />
            {SHADES[i + 1] ? (s.from === SHADES[i + 1]!.from - 1 ? s.from : `${s.from}–${SHADES[i + 1]!.from - 1}`) : `${s.from}+`}
          </span>
        ))}
        {namedOnly.length ? (
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-4 rounded-sm border border-slate-400" style={{ background: NAMED_FILL }} />
            {t("legendNamed")}
          </span>
        ) : null}
      </p>
      {members.length ? (
        <div>
          <h3 className="text-sm font-semibold">{t("countriesList")}</h3>
          <ul className="mt-1 gap-x-6 text-sm sm:columns-2 lg:columns-3" data-testid="map-countries">
            {members.map((m) => (
              <li key={m.code} className="flex justify-between gap-2 break-inside-avoid border-b border-line py-0.5">
                <span>{countryName(m.code, locale)}</span>
                <span className="tabular-nums">{m.count}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {namedOnly.length ? (
        <p className="text-sm">
          <span className="font-semibold">{t("namedList")}:</span> {namedOnly.map((c) => countryName(c, locale)).join(sep)}
        </p>
      ) : null}
    </div>
  );
}
