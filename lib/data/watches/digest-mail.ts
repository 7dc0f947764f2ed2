import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh.json";
import { auditFieldMessage } from "../../shared/audit-fields";
import { auditValueText } from "../../shared/audit-details";
import type { DigestFrequency } from "../../shared/digest-schedule";
import type { PublicChange } from "../../shared/types/changes";
import { siteLink } from "../accounts/mail-texts";
import { namesBySlug } from "./records";

// A digest's words: each change with its record named (and linked) in the reader's language, what it did, each
// field before → after as the pages show values, and its source; a text part and an HTML part saying the same.

const messages = { en, zh } as const;

type Line = { label: string; value: string };
type Entry = { name: string; url: string; what: string; at: string; fields: Line[]; source: string | null };

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The fields whose values differ (the citations are the source, told apart). */
function changedFields(c: PublicChange): string[] {
  const keys = new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})]);
  keys.delete("sources");
  return [...keys].filter((k) => JSON.stringify(c.before?.[k] ?? null) !== JSON.stringify(c.after?.[k] ?? null));
}

async function entries(changes: PublicChange[], locale: Locale, site: string): Promise<Entry[]> {
  const t = createTranslator({ locale, messages: messages[locale] });
  const tree = (key: string) => t(key as never);
  const sides = { organizations: new Set<string>(), institutions: new Set<string>() };
  for (const c of changes) {
    const r = c.record;
    if (r.type === "organization") sides.organizations.add(r.slug);
    else if (r.type === "institution") sides.institutions.add(r.slug);
    else {
      sides.organizations.add(r.organization.slug);
      sides.institutions.add(r.institution.slug);
    }
  }
  const names = await namesBySlug(
    { organizations: [...sides.organizations], institutions: [...sides.institutions] },
    locale,
  );
  const page = (kind: "organizations" | "institutions", slug: string) => siteLink(site, `/${locale}/${kind}/${slug}`);
  return changes.map((c) => {
    const r = c.record;
    const named =
      r.type === "organization"
        ? { name: names.organizations.get(r.slug) ?? r.name, url: page("organizations", r.slug) }
        : r.type === "institution"
          ? { name: names.institutions.get(r.slug) ?? r.name, url: page("institutions", r.slug) }
          : {
              name: t("mail.watchMembershipName", {
                institution: names.institutions.get(r.institution.slug) ?? r.institution.name,
                organization: names.organizations.get(r.organization.slug) ?? r.organization.name,
              }),
              url: page("institutions", r.institution.slug),
            };
    const fields = changedFields(c).map((f) => {
      const message = auditFieldMessage(f);
      const label = message ? t(`auditDetails.fields.${message}` as never) : f;
      const now = auditValueText(f, c.after?.[f], locale, tree);
      return { label, value: c.before ? `${auditValueText(f, c.before[f], locale, tree)} → ${now}` : now };
    });
    const s = c.source;
    const cited = s ? [s.title, s.url].filter(Boolean).join(", ") : "";
    const source = s ? `${cited}${s.quote ? ` — “${s.quote}”` : ""}` : null;
    const what = t(`mail.watchEvents.${c.event.replace(".", "_")}` as never);
    return { ...named, what, at: `${c.at.slice(0, 16).replace("T", " ")} UTC`, fields, source: source || null };
  });
}

/** The digest mail of these changes: its subject, and its text and HTML parts around the subscriber's page link. */
export async function composeDigest(input: {
  changes: PublicChange[];
  locale: Locale;
  frequency: DigestFrequency;
  site: string;
}) {
  const { changes, locale, frequency, site } = input;
  const t = createTranslator({ locale, messages: messages[locale], namespace: "mail" });
  const list = await entries(changes, locale, site);
  const line = (label: string, value: string) => t("watchField", { label, value });
  const text = (link: string) =>
    [
      t("watchDigestLead", { count: list.length, frequency }),
      "",
      ...list.flatMap((e) => [
        `${e.name} — ${e.what} (${e.at})`,
        e.url,
        ...e.fields.map((f) => `  ${line(f.label, f.value)}`),
        ...(e.source ? [`  ${line(t("watchSource"), e.source)}`] : []),
        "",
      ]),
      t("watchDigestFooter", { link, unsubscribe: `${link}/unsubscribe` }),
    ].join("\n");
  const html = (link: string) =>
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>${escapeHtml(t("watchDigestLead", { count: list.length, frequency }))}</p>` +
    list
      .map(
        (e) =>
          `<h2 style="font-size:1.05em;margin-bottom:0"><a href="${escapeHtml(e.url)}">${escapeHtml(e.name)}</a></h2>` +
          `<p style="margin-top:0">${escapeHtml(e.what)} <small>(${escapeHtml(e.at)})</small></p>` +
          (e.fields.length
            ? `<ul>${e.fields.map((f) => `<li>${escapeHtml(line(f.label, f.value))}</li>`).join("")}</ul>`
            : "") +
          (e.source ? `<p><small>${escapeHtml(line(t("watchSource"), e.source))}</small></p>` : ""),
      )
      .join("") +
    `<hr><p><small><a href="${escapeHtml(link)}">${escapeHtml(t("watchDigestManage"))}</a> · ` +
    `<a href="${escapeHtml(`${link}/unsubscribe`)}">${escapeHtml(t("watchDigestUnsubscribe"))}</a></small></p>` +
    `</body></html>`;
  return { subject: t("watchDigestSubject", { count: list.length, frequency }), text, html };
}
