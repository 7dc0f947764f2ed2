// Every translation the code asks for with a written key gets every argument its message needs, in both languages.
// next-intl does not type-check arguments here (the messages are not declared as the app's type), and a missing one
// is no error a test sees: the page shows the key's path ("account.secretariatOf") and the server logs a
// FORMATTING_ERROR. That is how a change request's page named an organization's secretariat for a while: the code
// passed `name` where the message says `{organization}`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const catalogs = {
  en: JSON.parse(readFileSync(path.join(root, "messages/en.json"), "utf8")),
  zh: JSON.parse(readFileSync(path.join(root, "messages/zh.json"), "utf8")),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/**
 * The arguments an ICU message needs: `{name}`, `{n, number}`, `{n, plural, one {…} other {…}}` (and those inside the
 * branches), and with `tags` the rich-text tags `<b>…</b>`. Quoted text ('{' and the like) holds none.
 */
function messageArguments(message: string, tags = false): Set<string> {
  const found = new Set<string>();
  const text = message.replace(/'[^']*'/g, "");
  if (tags) for (const m of text.matchAll(/<([A-Za-z][\w-]*)>/g)) found.add(m[1]!);
  // Each `{` that opens an argument starts with its name; a branch of a plural or select opens with `{` after a
  // selector and holds a message, whose own arguments are found the same way.
  const depthOpen: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{") {
      const name = /^\s*([A-Za-z_][\w]*)\s*[,}]/.exec(text.slice(i + 1));
      const inArgument = depthOpen.at(-1) === true;
      // Inside an argument's braces (plural or select options), a brace opens a branch, not an argument.
      if (!inArgument && name) found.add(name[1]!);
      depthOpen.push(!inArgument);
    } else if (c === "}") depthOpen.pop();
  }
  return found;
}

function messageAt(catalog: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

/** The index just past the brace that closes the one at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The top-level keys of an object literal's source (`{ a: 1, b, c: f({ d }) }` → a, b, c); null with a spread. */
function literalKeys(source: string): Set<string> | null {
  const inner = source.slice(1, -1);
  let depth = 0;
  let part = "";
  const parts: string[] = [];
  for (const c of inner) {
    if ("{([".includes(c)) depth++;
    if ("})]".includes(c)) depth--;
    if (c === "," && depth === 0) {
      parts.push(part);
      part = "";
    } else part += c;
  }
  parts.push(part);
  const keys = new Set<string>();
  for (const p of parts.map((x) => x.trim()).filter(Boolean)) {
    if (p.startsWith("...")) return null;
    const key = /^["']?([\w-]+)["']?\s*(?::|$)/.exec(p);
    if (key) keys.add(key[1]!);
  }
  return keys;
}

type Call = { file: string; line: number; key: string; given: Set<string>; rich: boolean };

/** The calls of translators bound in the file to a written namespace, with a written key. */
function translationCalls(file: string): Call[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const bindings: { name: string; namespace: string; at: number }[] = [];
  // `const t = await getTranslations({ locale, namespace: "x" })`, `useTranslations("x")`, or no namespace (the root).
  const binding = new RegExp(
    String.raw`(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:getTranslations|useTranslations)\(\s*` +
      String.raw`(?:\{[^}]*?namespace:\s*"([^"]+)"[^}]*\}|"([^"]+)"|\{\s*locale(?::\s*\w+)?\s*\})?\s*\)`,
    "g",
  );
  for (const m of text.matchAll(binding)) bindings.push({ name: m[1]!, namespace: m[2] ?? m[3] ?? "", at: m.index });
  // `const [t, s] = await Promise.all([getTranslations(…), getTranslations(…)])`: the names in the translators' order.
  for (const m of text.matchAll(/const\s*\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[/g)) {
    const names = m[1]!.split(",").map((n) => n.trim());
    const list = text.slice(m.index + m[0].length, text.indexOf("])", m.index));
    const namespaces = [...list.matchAll(/getTranslations\(\s*(?:\{[^}]*?namespace:\s*"([^"]+)"[^}]*\}|"([^"]+)")/g)];
    if (namespaces.length !== names.length) continue;
    for (const [i, name] of names.entries())
      bindings.push({ name, namespace: namespaces[i]![1] ?? namespaces[i]![2] ?? "", at: m.index });
  }
  const calls: Call[] = [];
  for (const name of new Set(bindings.map((b) => b.name))) {
    const call = new RegExp(`(?<![\\w.])${name}(\\.rich|\\.markup)?\\(\\s*"([\\w.]+)"\\s*(,|\\))`, "g");
    for (const m of text.matchAll(call)) {
      // The translator of that name bound nearest before the call (a file may bind `t` in several components).
      const bound = bindings.filter((b) => b.name === name && b.at < m.index).at(-1);
      if (!bound) continue;
      let given = new Set<string>();
      if (m[3] === ",") {
        const rest = m.index + m[0].length;
        const open = text.slice(rest).search(/\S/) + rest;
        if (text[open] !== "{") continue; // values from a variable: not checked here
        const keys = literalKeys(text.slice(open, closing(text, open)));
        if (!keys) continue;
        given = keys;
      }
      const key = bound.namespace ? `${bound.namespace}.${m[2]}` : m[2]!;
      calls.push({ file, line: lineOf(text, m.index), key, given, rich: Boolean(m[1]) });
    }
  }
  return calls;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split("\n").length;

const calls = ["app", "components", "lib"].flatMap(sourceFiles).flatMap(translationCalls);

describe("translation arguments", () => {
  it("finds the messages' arguments, in branches too, and not in quoted text", () => {
    expect([...messageArguments("secretariat of {organization}")]).toEqual(["organization"]);
    expect([...messageArguments("{count, plural, one {# member of {name}} other {# members}}")].sort()).toEqual([
      "count",
      "name",
    ]);
    expect([...messageArguments("{when, date, medium} '{literal}'")]).toEqual(["when"]);
    expect([...messageArguments("Read <link>the guide</link> by {who}", true)].sort()).toEqual(["link", "who"]);
  });

  it("reads the calls in the code (a sample the scan must find)", () => {
    expect(calls.length).toBeGreaterThan(500);
    expect(calls.some((c) => c.key === "account.secretariatOf" && c.file.includes("change-request-header"))).toBe(true);
  });

  it("every written key is in both languages and is given every argument its message needs", () => {
    const problems: string[] = [];
    for (const c of calls) {
      for (const [language, catalog] of Object.entries(catalogs)) {
        const message = messageAt(catalog, c.key);
        if (message === undefined) {
          problems.push(`${c.file}:${c.line} ${c.key}: no message in ${language}`);
          continue;
        }
        const missing = [...messageArguments(message, c.rich)].filter((a) => !c.given.has(a));
        if (missing.length)
          problems.push(`${c.file}:${c.line} ${c.key} (${language}): not given ${missing.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
