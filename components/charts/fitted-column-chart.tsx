"use client";

import { type ComponentProps, useEffect, useRef, useState } from "react";
import { ColumnChart } from "./bar-chart";

// Below this the axes leave no room for bars; a narrower box scales the chart down a little instead.
const MIN_WIDTH = 240;

/**
 * The column chart laid out again at the width it is actually shown at, so that one SVG unit is one CSS
 * pixel and its labels keep their 11 px on a phone (a 640-unit chart scaled into 300 px wrote them at 5 px),
 * with fewer period labels when fewer fit. Server-rendered at the given width until the browser measures.
 */
export function FittedColumnChart(props: ComponentProps<typeof ColumnChart>) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} data-fitted={width ? "true" : "false"}>
      <ColumnChart {...props} width={width ?? props.width} />
    </div>
  );
}
