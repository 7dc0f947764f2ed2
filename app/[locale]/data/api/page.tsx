import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listOperations, openApiDocument } from "@/lib/open-data/openapi/document";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CodeSpans } from "@/components/ui/code-spans";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: string }> };

type Translate = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;

/**
 * The document's prose in the page's language: messages keyed by operation id and parameter name (raw: the
 * texts quote code such as `{slug}.csv`, which is no placeholder). An operation added to the document before
 * its messages shows its English text, marked as English.
 */
function prose(t: Translate, key: string, english: string | undefined) {
  const path = `prose.${key}` as "prose.conventions";
  if (t.has(path)) return { text: String(t.raw(path)), lang: undefined };
  return english ? { text: english, lang: "en" } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: "apiDocs" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { canonical: `/${locale}/data/api`, languages: { en: "/en/data/api", zh: "/zh/data/api" } },
  };
}

/** The API reference, rendered from the same OpenAPI document the API serves and the tests check against. */
export default async function ApiDocsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, d] = await Promise.all([
    getTranslations({ locale, namespace: "apiDocs" }),
    getTranslations({ locale, namespace: "data" }),
  ]);
  const operations = listOperations();
  const anchor = (path: string) => `op-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;
  return (
    <article className="space-y-6">
      <Breadcrumbs locale={locale} items={[{ href: "/data", label: d("title") }, { label: t("title") }]} />
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
        <p className="mt-2 text-sm">
          {t("base")}: <code>{openApiDocument.servers[0].url}</code>
        </p>
        <p className="mt-1 text-sm">
          {t("document")}{" "}
          <a href="/api/v1/openapi.json" className="text-accent underline">
            /api/v1/openapi.json
          </a>
        </p>
      </header>
      <section aria-labelledby="conventions" className="rounded-md border border-line bg-white p-4">
        <h2 id="conventions" className="text-lg font-semibold">
          {t("conventions")}
        </h2>
        <Prose className="mt-1 text-sm" text={prose(t, "conventions", openApiDocument.info.description)} />
      </section>
      <nav aria-label={t("title")}>
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {operations.map((op) => (
            <li key={op.path}>
              <a href={`#${anchor(op.path)}`} className="text-accent underline">
                <code>
                  {op.method} {op.path}
                </code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map((op) => (
        <section
          key={op.path}
          id={anchor(op.path)}
          aria-labelledby={`${anchor(op.path)}-h`}
          className="border-t border-line pt-4"
        >
          <h2 id={`${anchor(op.path)}-h`} className="font-mono text-lg font-semibold break-all">
            {op.method} /api/v1{op.path}
          </h2>
          <Prose className="mt-1" text={prose(t, `operations.${op.operationId}.summary`, op.summary)} />
          <Prose
            className="mt-1 text-sm text-slate-700"
            text={prose(t, `operations.${op.operationId}.description`, op.description)}
          />
          <h3 className="mt-3 text-sm font-semibold">{t("parameters")}</h3>
          {op.parameters.length ? (
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
              {op.parameters.map((p) => (
                <li key={`${p.in}-${p.name}`}>
                  <code>{p.name}</code> <span className="text-muted">({p.in})</span>
                  <ParameterProse text={prose(t, `parameters.${op.operationId}.${p.name}`, p.description)} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("noParameters")}</p>
          )}
        </section>
      ))}
    </article>
  );
}

function Prose({ text, className }: { text: { text: string; lang?: string } | null; className: string }) {
  if (!text) return null;
  return (
    <p className={className} lang={text.lang}>
      <CodeSpans text={text.text} />
    </p>
  );
}

function ParameterProse({ text }: { text: { text: string; lang?: string } | null }) {
  if (!text) return null;
  return (
    <span lang={text.lang}>
      {" "}
      — <CodeSpans text={text.text} />
    </span>
  );
}
