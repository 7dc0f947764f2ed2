"use client";

import { useEffect, useState } from "react";
import type { NetworkAnswer } from "@/lib/shared/types/charts";
import { NetworkView } from "./network-view";

// An institution's network, asked for by the browser once the page is shown (app/api/network/…): the page's HTML
// carries none of it. A crawler's first visit, the bulk of first visits, then neither reads nor lays out a network,
// and each institution page is about 30 KB smaller. The box keeps the picture's proportions while it loads, so nothing
// below moves when it arrives.

type State = { status: "loading" } | { status: "failed" } | { status: "done"; answer: NetworkAnswer };

export function NetworkLoader({
  slug,
  locale,
  words,
}: {
  slug: string;
  locale: string;
  words: { loading: string; failed: string };
}) {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/network/${locale}/${slug}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setState({ status: "done", answer: (await response.json()) as NetworkAnswer });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: "failed" });
      });
    return () => controller.abort();
  }, [slug, locale]);

  if (state.status === "done")
    return state.answer.picture ? (
      <NetworkView picture={state.answer.picture} />
    ) : (
      <p className="text-sm text-muted">{state.answer.none}</p>
    );
  return (
    <div
      className={
        "grid aspect-[720/440] w-full place-items-center rounded-md border border-line bg-white text-sm text-muted"
      }
      data-network={state.status}
    >
      <p role={state.status === "failed" ? "alert" : "status"}>
        {state.status === "failed" ? words.failed : words.loading}
      </p>
    </div>
  );
}
