"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";

type MapTarget = { code: string; x: number; y: number; r: number; label: string };

// WCAG 2.2's minimum target (axe target-size): 24 × 24 CSS pixels.
const MIN_TARGET_PX = 24;
// Until the browser measures, assume the desktop column (about 800 px for the 960-unit map).
const ASSUMED_SCALE = 800 / 960;

/**
 * The map's circles as controls a finger or a keyboard can use: over the picture (the server-drawn SVG,
 * passed as children) lies a transparent copy of each circle, at least 24 × 24 CSS pixels whatever the
 * map's scale, that is a button; choosing one (tap, click, Enter or Space) writes its country and member
 * count into a visible panel under the map instead of a tooltip that only a mouse hover shows.
 *
 * The copies are read from the picture's own circles (their place, size and title) once the browser has it,
 * not sent as props: the buttons do nothing before the script runs anyway, and as props and server-rendered
 * buttons each country was written three more times into every organization page (a page of 40 member
 * countries carried about 16 KB of them).
 */
function readTargets(box: HTMLElement): MapTarget[] {
  return [...box.querySelectorAll<SVGCircleElement>("svg[role=img] circle[data-country]")].map((circle) => ({
    code: circle.dataset.country ?? "",
    x: circle.cx.baseVal.value,
    y: circle.cy.baseVal.value,
    r: circle.r.baseVal.value,
    label: circle.querySelector("title")?.textContent ?? "",
  }));
}

export function WorldMapControls({
  children,
  width,
  height,
  groupLabel,
  hint,
  panelLabel,
}: {
  children: ReactNode;
  width: number;
  height: number;
  groupLabel: string;
  hint: string;
  panelLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(ASSUMED_SCALE);
  const [targets, setTargets] = useState<MapTarget[]>([]);
  const [selected, setSelected] = useState<MapTarget | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setTargets(readTargets(el));
    const observer = new ResizeObserver(([entry]) => {
      const rendered = entry?.contentRect.width ?? 0;
      if (rendered > 0) setScale(rendered / width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [width]);
  const choose = (target: MapTarget) => setSelected(target);
  const onKey = (event: KeyboardEvent, target: MapTarget) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    choose(target);
  };
  const minRadius = MIN_TARGET_PX / 2 / scale;
  return (
    <div className="space-y-2">
      <div ref={box} className="relative">
        {children}
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG has no <fieldset>; role="group" names the set of
            its buttons */}
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={groupLabel}
          className="absolute inset-0 h-full w-full"
          data-map-controls={scale === ASSUMED_SCALE ? "assumed" : "measured"}
        >
          {targets.map((target) => {
            const chosen = selected?.code === target.code;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG circle cannot be a <button>; it acts as one
              <circle
                key={target.code}
                role="button"
                tabIndex={0}
                aria-label={target.label}
                aria-pressed={chosen}
                data-map-target={target.code}
                cx={target.x}
                cy={target.y}
                r={Math.max(target.r, minRadius)}
                fill="transparent"
                stroke={chosen ? "#0f5e74" : "transparent"}
                strokeWidth={2 / scale}
                className="cursor-pointer outline-none focus-visible:stroke-[#0f5e74]"
                onClick={() => choose(target)}
                onKeyDown={(event) => onKey(event, target)}
              />
            );
          })}
        </svg>
      </div>
      <section
        aria-label={panelLabel}
        aria-live="polite"
        className="min-h-11 rounded-md border border-line bg-white px-3 py-2 text-sm"
        data-testid="map-panel"
      >
        {selected ? <p className="font-semibold">{selected.label}</p> : <p className="text-muted">{hint}</p>}
      </section>
    </div>
  );
}
