import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";
import { embedSnippet, embedSource } from "@/lib/shared/embed-snippet";

const FIELD_ID = "embed-snippet";

/** The copy-paste <iframe> for a university's own site, with the widget's options spelled out. */
export async function EmbedSnippet({ slug, siteUrl, locale }: { slug: string; siteUrl: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "embed" });
  const phones = await getTranslations({ locale, namespace: "phones" });
  const site = siteUrl.replace(/\/$/, "");
  const lang = locale === "zh" ? "zh" : "en";
  const options = { siteUrl: site, slug, lang, title: t("frameTitle") } as const;
  const src = embedSource(options);
  const snippet = embedSnippet(options);
  return (
    <section aria-labelledby="embed" className="rounded-md border border-line bg-white p-4">
      <h2 id="embed" className="text-lg font-semibold">
        {t("snippetTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("snippetLead")}</p>
      <label htmlFor={FIELD_ID} className="mt-3 block text-sm font-medium">
        {t("snippetLabel")}
      </label>
      <textarea
        id={FIELD_ID}
        readOnly
        rows={6}
        value={snippet}
        aria-describedby="embed-snippet-script"
        className="mt-1 w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs"
      />
      <p id="embed-snippet-script" className="mt-1 text-xs text-muted">
        {phones("snippetScript")}
      </p>
      <CopyButton
        text={snippet}
        fieldId={FIELD_ID}
        label={phones("copy")}
        copied={phones("copied")}
        failed={phones("copyFailed")}
      />
      <p className="mt-2 text-sm text-muted">
        {t("snippetOptions")}{" "}
        <a href={src} className="text-accent underline" target="_blank" rel="noopener noreferrer">
          {t("preview")}
        </a>{" "}
        ·{" "}
        <a href={`${site}/api/v1/institutions/${slug}/memberships?lang=${lang}`} className="text-accent underline">
          {t("jsonLink")}
        </a>
      </p>
    </section>
  );
}
