import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";

/** The copy-paste <iframe> for a university's own site, with the widget's options spelled out. */
export async function EmbedSnippet({ slug, siteUrl, locale }: { slug: string; siteUrl: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "embed" });
  const site = siteUrl.replace(/\/$/, "");
  const src = `${site}/embed/institutions/${slug}?lang=${locale === "zh" ? "zh" : "en"}&mode=compact&theme=light`;
  const snippet =
    `<iframe src="${src}" title="${t("frameTitle")}" ` +
    `width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
  return (
    <section aria-labelledby="embed" className="rounded-md border border-line bg-white p-4">
      <h2 id="embed" className="text-lg font-semibold">
        {t("snippetTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("snippetLead")}</p>
      <label htmlFor="embed-snippet" className="mt-3 block text-sm font-medium">
        {t("snippetLabel")}
      </label>
      <textarea
        id="embed-snippet"
        readOnly
        rows={3}
        value={snippet}
        className="mt-1 w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs"
      />
      <p className="mt-2 text-sm text-muted">
        {t("snippetOptions")}{" "}
        <a href={src} className="text-accent underline" target="_blank" rel="noopener noreferrer">
          {t("preview")}
        </a>{" "}
        ·{" "}
        <a
          href={`${site}/api/v1/institutions/${slug}/memberships?lang=${locale === "zh" ? "zh" : "en"}`}
          className="text-accent underline"
        >
          {t("jsonLink")}
        </a>
      </p>
    </section>
  );
}
