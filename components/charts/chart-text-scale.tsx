"use client";

import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from "react";

// Shrunk further than this (a phone), the labels laid out for the full width would collide once enlarged.
const CROWDED = 1.2;

/**
 * Keeps a server-laid-out SVG's labels legible when the SVG is drawn smaller than its viewBox: measures the
 * drawn width and sets --chart-text-scale (viewBox units per CSS pixel, at least 1), which the labels'
 * font size multiplies, so 11 units stay 11 CSS pixels. When that scale is large the secondary labels would
 * overlap, so --peripheral-labels hides them until their node is hovered or focused.
 */
export function ChartTextScale({ viewBoxWidth, children }: { viewBoxWidth: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // The SVG's inner width: its border is drawn outside the viewBox. Rounded up, so 11 never becomes 10.99.
    const observer = new ResizeObserver(() => {
      const drawn = box.querySelector("svg")?.clientWidth ?? 0;
      if (drawn > 0) setScale(Math.max(1, Math.ceil((viewBoxWidth / drawn) * 1000) / 1000));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [viewBoxWidth]);
  const style = {
    "--chart-text-scale": scale.toFixed(3),
    "--peripheral-labels": scale > CROWDED ? "hidden" : "visible",
  } as CSSProperties;
  return (
    <div ref={ref} style={style} data-text-scale={scale.toFixed(2)}>
      {children}
    </div>
  );
}
