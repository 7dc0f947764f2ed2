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
    const observer = new ResizeObserver(([entry]) => {
      const drawn = entry?.contentRect.width ?? 0;
      if (drawn > 0) setScale(Math.max(1, viewBoxWidth / drawn));
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
