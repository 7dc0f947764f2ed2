import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import {
  chooseLabels,
  labelWidth,
  layoutNetworkOnce,
  linkPaths,
  type PlacedLabel,
  type PlacedNode,
} from "@/lib/charts/network-layout";
import { countryName } from "@/lib/shared/countries";
import { ChartTextScale } from "./chart-text-scale";
import type { InstitutionNetwork, NetworkNode } from "@/lib/shared/types/charts";

function shortName(name: string) {
  return name.length > 28 ? `${name.slice(0, 27)}…` : name;
}

// Presentation lives in app/globals.css (.net-*): the markup keeps only what differs from node to node, and labels
// are centred on their node unless they say otherwise (text-anchor on the <svg>, inherited).

/** The institution at the centre: not a link (this is its page), its name always written. */
function CenterNode({ p, place, name }: { p: PlacedNode; place: PlacedLabel | undefined; name: string }) {
  return (
    <g data-node="center">
      <circle cx={p.x} cy={p.y} r={p.r} className="net-center" />
      <text
        x={place?.x ?? p.x}
        y={place?.y ?? p.y + p.r + 13}
        textAnchor={place?.anchor === "middle" || !place ? undefined : place.anchor}
        className="net-label net-label-center"
      >
        {shortName(name)}
      </text>
    </g>
  );
}

type NodeProps = { p: PlacedNode; place: PlacedLabel | undefined; n: NetworkNode; title: string; locale: Locale };

/** One sharing institution: a link to its page, its name written when it fits, on hover and focus otherwise. */
function NodeLink({ p, place, n, title, locale }: NodeProps) {
  return (
    <a href={`/${locale}/institutions/${n.slug}`} aria-label={title} className="net-node" data-node={n.slug}>
      <title>{title}</title>
      <circle cx={p.x} cy={p.y} r={p.r + 5} className="net-ring" />
      <circle cx={p.x} cy={p.y} r={p.r} className="net-dot" />
      <text
        x={place?.x ?? p.x}
        y={place?.y ?? p.y + p.r + 14}
        textAnchor={place?.anchor === "middle" || !place ? undefined : place.anchor}
        className={place ? "net-label" : "net-label net-label-off"}
      >
        {shortName(n.name)}
      </text>
    </a>
  );
}

/** The same network in words: each institution with the organizations it shares with the centre. */
async function NetworkList({ network, locale }: { network: InstitutionNetwork; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "charts" });
  return (
    <div>
      <h3 className="text-sm font-semibold">{t("networkList")}</h3>
      <ol className="mt-2 space-y-2 text-sm" data-testid="network-list">
        {network.nodes.map((n) => (
          <li key={n.slug}>
            <Link href={`/institutions/${n.slug}`} className="font-medium text-accent underline hover:decoration-2">
              {n.name}
            </Link>
            <span className="text-muted"> · {countryName(n.country, locale)}</span>
            <span className="block text-slate-700">
              {t("networkShares", { count: n.shared.length })}{" "}
              {n.shared.map((o, i) => (
                <span key={o.slug}>
                  {i ? (locale === "zh" ? "、" : ", ") : null}
                  <Link href={`/organizations/${o.slug}`} className="text-accent underline">
                    {o.name}
                  </Link>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The institutions sharing organizations with this one, laid out on the server (lib/charts/network-layout.ts:
 * d3-force's forces, deterministic).
 * Each node is a link, reachable by keyboard with a visible focus ring; the list below is the same network
 * in words.
 */
export async function NetworkGraph({ network, locale }: { network: InstitutionNetwork; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "charts" });
  if (!network.nodes.length) return <p className="text-sm text-muted">{t("noNetwork")}</p>;
  const layout = layoutNetworkOnce({
    center: network.center.slug,
    nodes: network.nodes.map((n) => ({ id: n.slug, weight: n.shared.length })),
    links: network.links,
  });
  const bySlug = new Map(network.nodes.map((n) => [n.slug, n]));
  // Names are written where they fit without overlapping (closest institutions first); the others show
  // theirs on hover and on keyboard focus.
  const labelled = chooseLabels(layout, [
    { id: network.center.slug, width: labelWidth(shortName(network.center.name), 12) },
    ...network.nodes.map((n) => ({ id: n.slug, width: labelWidth(shortName(n.name)) })),
  ]);
  return (
    <div className="space-y-4" data-chart="network">
      <ChartTextScale viewBoxWidth={layout.width}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG picture has no <fieldset>; role="group" names its
            nodes' set */}
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          textAnchor="middle"
          aria-label={t("networkLabel", { name: network.center.name, count: network.total })}
          className="h-auto w-full rounded-md border border-line bg-white"
        >
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the links are lines, not focusable: the nodes carry
              the names */}
          <g stroke="#94a3b8" strokeOpacity={0.7} fill="none" aria-hidden="true">
            {linkPaths(layout.links).map(({ width, d }) => (
              <path key={width} d={d} strokeWidth={width} />
            ))}
          </g>
          {layout.nodes.map((p) => {
            const n = bySlug.get(p.id);
            if (!n) return <CenterNode key={p.id} p={p} place={labelled.get(p.id)} name={network.center.name} />;
            const title = t("networkNode", {
              name: n.name,
              country: countryName(n.country, locale),
              count: n.shared.length,
            });
            return <NodeLink key={p.id} p={p} place={labelled.get(p.id)} n={n} title={title} locale={locale} />;
          })}
        </svg>
      </ChartTextScale>
      {network.total > network.nodes.length ? (
        <p className="text-sm text-muted">{t("networkShown", { shown: network.nodes.length, total: network.total })}</p>
      ) : null}
      <NetworkList network={network} locale={locale} />
    </div>
  );
}
