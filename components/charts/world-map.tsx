import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { LAND_FILL } from "@/lib/charts/map-colours";
import { baseMap } from "@/lib/charts/world-map";
import { countryName } from "@/lib/shared/countries";
import type { CountryCount } from "@/lib/shared/types/charts";
import { WorldMapControls } from "./world-map-controls";
import { type MapPicture, MemberCountryList, WorldMapPicture } from "./world-map-picture";

// Sequential shades of the accent colour, light to dark, by order of magnitude of the member count.
const SHADES = [
  { from: 1, fill: "#8cc6d6" },
  { from: 2, fill: "#4b9db5" },
  { from: 10, fill: "#1d7890" },
  { from: 100, fill: "#0a4253" },
] as const;
const NAMED_FILL = "#f0c987";
const MIN_RADIUS = 3.5;
const MAX_RADIUS = 22;

export function shadeFor(count: number): string {
  return [...SHADES].reverse().find((s) => count >= s.from)?.fill ?? LAND_FILL;
}

/** A circle's radius: its area grows with the member count, the largest country at MAX_RADIUS. */
export function radiusFor(count: number, largest: number): number {
  return Math.round((MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(count / Math.max(1, largest))) * 10) / 10;
}

/**
 * The map's circles in drawing order: rings for countries only a source names, then one circle per member country
 * (never per member), sized and shaded by its member count, the largest first so none hides a smaller one.
 * `describe` gives each circle's tooltip. Drawn by ./world-map-picture.tsx over the land's one cached picture.
 */
export function placeCircles(
  members: CountryCount[],
  namedOnly: string[],
  describe: (code: string) => string | null,
): MapPicture {
  const map = baseMap();
  const largest = Math.max(1, ...members.map((m) => m.count));
  const listed = new Set(members.map((m) => m.code));
  const at = (code: string) => map.anchors.get(code)!;
  return {
    width: map.width,
    height: map.height,
    rings: namedOnly
      .filter((code) => !listed.has(code) && map.anchors.has(code))
      .map((code) => ({ code, ...at(code), r: MIN_RADIUS, fill: NAMED_FILL, title: describe(code) })),
    members: [...members]
      .filter((m) => map.anchors.has(m.code))
      .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
      .map((m) => ({
        code: m.code,
        ...at(m.code),
        r: radiusFor(m.count, largest),
        fill: shadeFor(m.count),
        count: m.count,
        title: describe(m.code),
      })),
  };
}

/**
 * Member countries on a world map, drawn on the server: a circle per country (never per member) whose
 * size and shade say how many members it has; regions too small for the map (Hong Kong, Singapore) get
 * theirs where their dot would be. The list under the map says the same in words.
 */
export async function WorldMap({
  members,
  namedOnly,
  locale,
}: {
  members: CountryCount[];
  namedOnly: string[];
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "charts" });
  const phones = await getTranslations({ locale, namespace: "phones" });
  if (!members.length && !namedOnly.length) return <p className="text-sm text-muted">{t("noMapData")}</p>;
  const counts = new Map(members.map((m) => [m.code, m.count]));
  const named = new Set(namedOnly);
  const sep = locale === "zh" ? "、" : ", ";
  const top = members
    .slice(0, 10)
    .map((m) => `${countryName(m.code, locale)} ${m.count}`)
    .join(sep);
  const label = t("mapLabel", { count: members.length, top: top ? ` (${top}${members.length > 10 ? "…" : ""})` : "" });
  const describe = (code: string) => {
    const count = counts.get(code);
    if (count) return t("mapMembers", { country: countryName(code, locale), count });
    if (named.has(code)) return t("mapNamed", { country: countryName(code, locale) });
    return code ? countryName(code, locale) : null;
  };
  const picture = placeCircles(members, namedOnly, describe);
  return (
    <div className="space-y-3" data-chart="world-map">
      <WorldMapControls
        width={picture.width}
        height={picture.height}
        groupLabel={phones("mapControls")}
        hint={phones("mapHint")}
        panelLabel={phones("mapPanel")}
      >
        <WorldMapPicture picture={picture} label={label} />
      </WorldMapControls>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
        <span>{t("legendMembers")}:</span>
        {SHADES.map((s, i) => (
          <span key={s.from} className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3 rounded-full border border-slate-400"
              style={{ background: s.fill }}
            />
            {SHADES[i + 1]
              ? s.from === SHADES[i + 1]!.from - 1
                ? s.from
                : `${s.from}–${SHADES[i + 1]!.from - 1}`
              : `${s.from}+`}
          </span>
        ))}
        {namedOnly.length ? (
          <span className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3 rounded-full border border-slate-400"
              style={{ background: NAMED_FILL }}
            />
            {t("legendNamed")}
          </span>
        ) : null}
      </p>
      {members.length ? (
        <div>
          <h3 className="text-sm font-semibold">{t("countriesList")}</h3>
          <MemberCountryList countries={members.map((m) => [m.code, countryName(m.code, locale), m.count])} />
        </div>
      ) : null}
      {namedOnly.length ? (
        <p className="text-sm">
          <span className="font-semibold">{t("namedList")}:</span>{" "}
          {namedOnly.map((c) => countryName(c, locale)).join(sep)}
        </p>
      ) : null}
    </div>
  );
}
