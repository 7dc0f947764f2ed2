"use client";

import { createContext, useContext, useEffect, type ReactNode } from "react";

export type UnavailableTexts = { title: string; text: string; retry: string; home: string };

/**
 * What a visitor sees when a page cannot be rendered (in practice: the database is unreachable). Says so
 * plainly and offers a retry; the server's log has the error itself (the digest links the two).
 */
export function UnavailableNotice({
  texts,
  lang,
  homeHref,
  error,
  retry,
}: {
  texts: UnavailableTexts;
  lang?: string;
  homeHref: string;
  error: unknown;
  retry: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <div className="mx-auto max-w-xl py-12" lang={lang} role="alert" data-testid="unavailable">
      <h1 className="text-2xl font-semibold">{texts.title}</h1>
      <p className="mt-3 text-slate-700">{texts.text}</p>
      <p className="mt-6 flex gap-4">
        <button type="button" onClick={() => retry()} className="rounded bg-accent px-4 py-2 text-white">
          {texts.retry}
        </button>
        <a href={homeHref} className="self-center text-accent underline">
          {texts.home}
        </a>
      </p>
      {digest ? <p className="mt-6 text-xs text-slate-500">Ref. {digest}</p> : null}
    </div>
  );
}

const UnavailableTextsContext = createContext<UnavailableTexts | null>(null);

/** The notice's texts in the page's language, for the error boundary (which gets no props from the server). */
export function UnavailableTextsProvider({ texts, children }: { texts: UnavailableTexts; children: ReactNode }) {
  return <UnavailableTextsContext value={texts}>{children}</UnavailableTextsContext>;
}

export function useUnavailableTexts(): UnavailableTexts {
  const texts = useContext(UnavailableTextsContext);
  if (!texts) throw new Error("UnavailableTextsProvider is missing from the layout.");
  return texts;
}
