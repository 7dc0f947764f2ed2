// The API documentation page (/[locale]/data/api) takes its prose from the messages, keyed by operation id and
// parameter name: the English messages are the OpenAPI document's own texts, and every one has a Chinese
// translation, so /zh/data/api shows no English prose (code and field names stay as they are).
import { describe, expect, it } from "vitest";
import { listOperations, openApiDocument } from "@/lib/open-data/openapi/document";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

type Prose = {
  conventions: string;
  operations: Record<string, { summary: string; description?: string }>;
  parameters: Record<string, Record<string, string>>;
};
const CJK = /[\u4e00-\u9fff]/;

/** Every prose text of the document, under the key the page looks it up by. */
function documentProse(): Map<string, string> {
  const texts = new Map<string, string>([["conventions", openApiDocument.info.description]]);
  for (const op of listOperations()) {
    texts.set(`operations.${op.operationId}.summary`, op.summary);
    if (op.description) texts.set(`operations.${op.operationId}.description`, op.description);
    for (const p of op.parameters)
      if (p.description) texts.set(`parameters.${op.operationId}.${p.name}`, p.description);
  }
  return texts;
}

function messageAt(prose: Prose, key: string): string | undefined {
  let node: unknown = prose;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

/** The backquoted code of a text: a translation keeps it as it is. */
const codeOf = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe("the API page's prose", () => {
  const texts = documentProse();

  it("covers every operation", () => {
    expect(texts.size).toBeGreaterThan(listOperations().length);
  });

  it.each([...documentProse().keys()])("%s: English is the document's text; Chinese translates it", (key) => {
    const english = texts.get(key)!;
    expect(messageAt(en.apiDocs.prose as Prose, key)).toBe(english);
    const chinese = messageAt(zh.apiDocs.prose as Prose, key);
    expect(chinese).toMatch(CJK);
    expect(codeOf(chinese!)).toEqual(codeOf(english));
  });
});
