import type { IncomingMessage, ServerResponse } from "node:http";

export type NotFoundTexts = { lang: string; title: string };
type Messages = Record<"en" | "zh", { notFound: { title: string }; meta: { siteName: string } }>;

export function notFoundTexts(pathname: string, messages: Messages): NotFoundTexts;
export function mendNotFoundShell(html: string, texts: NotFoundTexts): string;
export function mendNotFoundAnswers(
  req: IncomingMessage,
  res: ServerResponse,
  texts: (url: string) => NotFoundTexts,
): void;
