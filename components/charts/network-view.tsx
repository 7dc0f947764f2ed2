"use client";

import NextLink from "next/link";
import { ChartTextScale } from "./chart-text-scale";
import { linkPathData } from "@/lib/charts/network-picture";
import type { NetworkPicture, NetworkTextPlace } from "@/lib/shared/types/charts";

// The network's markup, from the numbers and words the server prepared (lib/charts/network-for-page.ts), which
// network-loader.tsx fetches: the links come as two indexes each and are drawn here (linkPathData).

/** A node's name where the layout placed it; "middle" is the <svg>'s own anchor, inherited. */
function Label({ at, className, text }: { at: NetworkTextPlace; className: string; text: string }) {
  return (
    <text x={at.x} y={at.y} textAnchor={at.anchor} className={className}>
      {text}
    </text>
  );
}

/** The graph and the same network in words. */
export function NetworkView({ picture: p }: { picture: NetworkPicture }) {
  const comma = p.locale === "zh" ? "、" : ", ";
  return (
    <div className="space-y-4" data-chart="network">
      <ChartTextScale viewBoxWidth={p.width}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG picture has no <fieldset>; role="group" names its
            nodes' set */}
        <svg
          viewBox={`0 0 ${p.width} ${p.height}`}
          role="group"
          textAnchor="middle"
          aria-label={p.label}
          className="h-auto w-full rounded-md border border-line bg-white"
        >
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the links are lines, not focusable: the nodes carry
              the names */}
          <g stroke="#94a3b8" strokeOpacity={0.7} fill="none" aria-hidden="true">
            {linkPathData(p).map(([width, d]) => (
              <path key={width} d={d} strokeWidth={width} />
            ))}
          </g>
          {p.center ? (
            <g data-node="center">
              <circle cx={p.center.x} cy={p.center.y} r={p.center.r} className="net-center" />
              <Label at={p.center.text} className="net-label net-label-center" text={p.center.short} />
            </g>
          ) : null}
          {p.nodes.map((n) => (
            <a
              key={n.slug}
              href={`/${p.locale}/institutions/${n.slug}`}
              aria-label={n.title}
              className="net-node"
              data-node={n.slug}
            >
              <title>{n.title}</title>
              <circle cx={n.x} cy={n.y} r={n.r + 5} className="net-ring" />
              <circle cx={n.x} cy={n.y} r={n.r} className="net-dot" />
              <Label at={n.text} className={n.placed ? "net-label" : "net-label net-label-off"} text={n.short} />
            </a>
          ))}
        </svg>
      </ChartTextScale>
      {p.shown ? <p className="text-sm text-muted">{p.shown}</p> : null}
      <div>
        <h3 className="text-sm font-semibold">{p.listHeading}</h3>
        <ol className="mt-2 space-y-2 text-sm" data-testid="network-list">
          {p.nodes.map((n) => (
            <li key={n.slug}>
              <NextLink
                href={`/${p.locale}/institutions/${n.slug}`}
                className="font-medium text-accent underline hover:decoration-2"
              >
                {n.name}
              </NextLink>
              <span className="text-muted"> · {n.country}</span>
              <span className="block text-slate-700">
                {n.shares}{" "}
                {n.shared.map((o, i) => {
                  const [slug, name] = p.organizations[o] ?? ["", ""];
                  return (
                    <span key={slug}>
                      {i ? comma : null}
                      <NextLink href={`/${p.locale}/organizations/${slug}`} className="text-accent underline">
                        {name}
                      </NextLink>
                    </span>
                  );
                })}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
