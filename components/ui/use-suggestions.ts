"use client";
import { useEffect, useState } from "react";
import type { Locale } from "@/i18n/routing";
import {
  SUGGEST_MAX_QUERY,
  type SuggestItem,
  type SuggestResponse,
  type SuggestType,
} from "@/lib/shared/types/suggest";

/** Wait this long after the last keystroke: a fast typist sends one request per pause, not per letter. */
const DEBOUNCE_MS = 180;

export type Suggestions = { items: SuggestItem[]; query: string; loading: boolean };

/**
 * The type-ahead's answers for `query` from GET /api/v1/suggest, debounced; a newer query aborts the request
 * of the older one, so a slow answer never replaces a newer list. A failed request leaves no suggestions:
 * the person can still type the name, which the server resolves.
 */
export function useSuggestions(query: string, types: readonly SuggestType[], locale: Locale, limit = 8): Suggestions {
  const [state, setState] = useState<Suggestions>({ items: [], query: "", loading: false });
  const typeKey = types.join(",");
  useEffect(() => {
    const q = query.trim();
    if (!q || q.length > SUGGEST_MAX_QUERY) {
      setState({ items: [], query: q, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q, locale, limit: String(limit) });
      if (typeKey && !typeKey.includes(",")) params.set("type", typeKey);
      try {
        const response = await fetch(`/api/v1/suggest?${params}`, { signal: controller.signal });
        const body = response.ok ? ((await response.json()) as SuggestResponse) : { query: q, items: [] };
        setState({ items: body.items, query: q, loading: false });
      } catch {
        if (!controller.signal.aborted) setState({ items: [], query: q, loading: false });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, typeKey, locale, limit]);
  return state;
}
