"use client";

import { useEffect } from "react";
import { RESIZE_MESSAGE } from "@/lib/shared/embed-snippet";

/**
 * Tells the page that frames the widget how tall the widget's content is, whenever that changes, so the
 * snippet's script can size the iframe to it (lib/shared/embed-snippet.ts). The height is no secret, so it
 * goes to any parent ("*"); the parent checks that it comes from the portal. Measures the element with this
 * id, not the document, whose height is at least the frame's and so could never shrink.
 */
export function ResizeReporter({ targetId }: { targetId: string }) {
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target || window.parent === window) return;
    let last = 0;
    const report = () => {
      const height = Math.ceil(target.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: RESIZE_MESSAGE, height }, "*");
    };
    const observer = new ResizeObserver(report);
    observer.observe(target);
    return () => observer.disconnect();
  }, [targetId]);
  return null;
}
