import { getTranslations } from "next-intl/server";
import type { InstitutionProfile } from "@/lib/shared/types/institutions";
import { PartialDateText } from "@/components/ui/partial-date";
import type { EmbedOptions } from "@/lib/validation/api";
import { ResizeReporter } from "./resize-reporter";

// The element whose height the frame follows (resize-reporter.tsx).
const CONTENT_ID = "widget-content";

const THEMES = {
  light: {
    page: "bg-white text-slate-900",
    muted: "text-slate-600",
    line: "border-slate-200 divide-slate-200",
    link: "text-[#0f5e74]",
    head: "bg-slate-50",
  },
  dark: {
    page: "bg-slate-900 text-slate-100",
    muted: "text-slate-300",
    line: "border-slate-700 divide-slate-700",
    link: "text-sky-300",
    head: "bg-slate-800",
  },
} as const;

function teaser(introduction: string | null): string {
  if (!introduction) return "—";
  return introduction.length > 220 ? `${introduction.slice(0, 220)}…` : introduction;
}

/**
 * A university's approved memberships, made for an iframe on the university's own site: the table its
 * static page used to hold (compact: organization, role and entrance; full: with founders and introduction).
 * Links open the registry in a new tab, never inside the frame.
 */
export async function MembershipWidget({
  institution: i,
  options,
  siteUrl,
}: {
  institution: InstitutionProfile;
  options: EmbedOptions;
  siteUrl: string;
}) {
  const { lang, mode, theme } = options;
  const t = await getTranslations({ locale: lang, namespace: "institution" });
  const e = await getTranslations({ locale: lang, namespace: "embed" });
  const o = await getTranslations({ locale: lang, namespace: "organization" });
  const roles = await getTranslations({ locale: lang, namespace: "roles" });
  const statuses = await getTranslations({ locale: lang, namespace: "statuses" });
  const c = THEMES[theme];
  const site = siteUrl.replace(/\/$/, "");
  const ext = { target: "_blank", rel: "noopener noreferrer" } as const;
  return (
    // As tall as its content, never the frame: the frame's height follows it (the body has the theme's colour).
    <div id={CONTENT_ID} className={`flow-root p-3 text-sm ${c.page}`} data-theme={theme} data-mode={mode}>
      <ResizeReporter targetId={CONTENT_ID} />
      <main>
        <h1 className="text-base font-semibold">
          {t("participation")} ·{" "}
          <a href={`${site}/${lang}/institutions/${i.slug}`} className={`${c.link} underline`} {...ext}>
            {i.name}
          </a>
        </h1>
        {i.participations.length ? (
          <table className={`mt-2 w-full border text-left [overflow-wrap:anywhere] ${c.line}`}>
            <caption className="sr-only">{e("caption", { name: i.name })}</caption>
            <thead className={c.head}>
              <tr>
                <th scope="col" className="px-2 py-1.5">
                  {t("organization")}
                </th>
                {mode === "full" ? (
                  <th scope="col" className="px-2 py-1.5">
                    {t("foundedBy")}
                  </th>
                ) : null}
                {mode === "full" ? (
                  <th scope="col" className="hidden px-2 py-1.5 sm:table-cell">
                    {t("introduction")}
                  </th>
                ) : null}
                <th scope="col" className="px-2 py-1.5">
                  {t("entrance")}
                </th>
              </tr>
            </thead>
            <tbody className={`divide-y ${c.line}`}>
              {i.participations.map((p) => (
                <tr key={p.organization.slug} className="align-top">
                  <th scope="row" className="px-2 py-1.5 font-medium">
                    <a
                      href={`${site}/${lang}/organizations/${p.organization.slug}`}
                      className={`${c.link} underline underline-offset-2`}
                      {...ext}
                    >
                      {p.organization.name}
                      {p.organization.acronym ? ` (${p.organization.acronym})` : ""}
                    </a>
                    {mode === "full" && p.organization.introduction ? (
                      // Below sm the introduction column would push the table past a phone's width.
                      <span className={`mt-1 block font-normal sm:hidden ${c.muted}`}>
                        {teaser(p.organization.introduction)}
                      </span>
                    ) : null}
                  </th>
                  {mode === "full" ? (
                    <td className="px-2 py-1.5">
                      {p.foundedBy.map((f) => f.name).join(lang === "zh" ? "、" : "; ") || o("unknown")}
                    </td>
                  ) : null}
                  {mode === "full" ? (
                    <td className={`hidden px-2 py-1.5 sm:table-cell ${c.muted}`}>
                      {teaser(p.organization.introduction)}
                    </td>
                  ) : null}
                  <td className="px-2 py-1.5">
                    <span className="block whitespace-nowrap">
                      {p.joined ? (
                        <PartialDateText date={p.joined} locale={lang} />
                      ) : (
                        <span className={c.muted}>{o("joinedUnknown")}</span>
                      )}
                    </span>
                    <span className="block font-medium">
                      {roles(p.role)}
                      {p.status !== "ACTIVE" ? ` · ${statuses(p.status)}` : ""}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className={`mt-2 ${c.muted}`}>{t("noParticipation")}</p>
        )}
      </main>
      <footer className={`mt-2 text-xs ${c.muted}`}>
        {e("poweredBy")}{" "}
        <a href={`${site}/${lang}`} className={`${c.link} underline`} {...ext}>
          Alliance Atlas
        </a>{" "}
        · {e("license")}
      </footer>
    </div>
  );
}
