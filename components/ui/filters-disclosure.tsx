"use client";

import { type ReactNode, useEffect, useRef } from "react";

// Without JavaScript, CSS shows a closed element's content from md up (Chromium's ::details-content).
const WIDE_CLASSES = "group md:border-0 md:bg-transparent md:[&::details-content]:[content-visibility:visible]";

// On wide screens the open facets are the sidebar: no toggle above them.
const TOGGLE = "md:group-open:hidden";

// Tailwind's md breakpoint, where the facets become a sidebar beside the results.
const WIDE = "(min-width: 48rem)";

/**
 * The list pages' facets behind a native <details>: closed on phones, so the first result is above the
 * fold, and working without JavaScript. On wide screens, where the facets are the sidebar, it opens itself
 * and hides its toggle; without JavaScript the toggle stays, so any browser can still open it.
 */
export function FiltersDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(WIDE).matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className={`rounded-md border border-line bg-white ${WIDE_CLASSES}`} data-testid="filters">
      <summary className={`flex min-h-11 cursor-pointer items-center px-3 py-2 text-sm font-semibold ${TOGGLE}`}>
        {summary}
      </summary>
      <div className="px-3 pb-3 md:p-0">{children}</div>
    </details>
  );
}
