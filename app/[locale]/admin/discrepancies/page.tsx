import type { Metadata } from "next";
import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { getDiscrepancyReport } from "@/lib/data/admin/discrepancies";
import { formatPartialDate } from "@/lib/shared/dates";
import { DiscrepancySection as Section } from "@/components/admin/discrepancy-section";
import { DismissedList, EntryActions as Act } from "@/components/admin/discrepancy-entry";
import { listDismissedDiscrepancies } from "@/lib/data/admin/discrepancy-dismissals";
import type { Ref } from "@/lib/shared/types/discrepancies";
import { SidesDisagreeSection } from "@/components/admin/discrepancy-sides";

export const metadata: Metadata = { robots: { index: false } };

const orgEdit = (o: Ref) => ({ kind: "organization" as const, ...o });
const instEdit = (i: Ref) => ({ kind: "institution" as const, ...i });

/** What the last dismissal or restoration did: its form left the page with its entry, so the report says it. */
async function DoneNote({ locale, done }: { locale: string; done?: string | string[] }) {
  const answers = await getTranslations({ locale, namespace: "validation.answers" });
  const text =
    done === "dismissed"
      ? answers("discrepancyDismissed")
      : done === "restored"
        ? answers("discrepancyRestored")
        : null;
  if (!text) return null;
  return (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      {text}
    </p>
  );
}

/** Admins: where the registry's facts disagree with each other, and what to do about each entry. */
export default async function DiscrepanciesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ dismissed?: string | string[]; done?: string | string[] }>;
}) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/discrepancies`);
  const [report, t] = await Promise.all([getDiscrepancyReport(actor), getTranslations({ locale, namespace: "tools" })]);
  const doneNote = <DoneNote locale={locale} done={query.done} />;
  if (query.dismissed === "1") {
    const dismissed = await listDismissedDiscrepancies(actor, report.entries);
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("dDismissed")}</h1>
        {doneNote}
        <Link href="/admin/discrepancies" className="text-accent underline">
          {t("dHideDismissed")}
        </Link>
        <DismissedList locale={locale} rows={dismissed} />
      </div>
    );
  }
  const org = (o: { slug: string; name: string }) => (
    <Link href={`/organizations/${o.slug}`} className="text-accent underline">
      {o.name}
    </Link>
  );
  const inst = (i: { slug: string; name: string }) => (
    <Link href={`/institutions/${i.slug}`} className="text-accent underline">
      {i.name}
    </Link>
  );
  const date = (d: Parameters<typeof formatPartialDate>[0]) => formatPartialDate(d, locale) ?? "—";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("discrepancies")}</h1>
      {doneNote}
      <p className="text-sm text-slate-700">{t("discrepanciesLead")}</p>
      <Link href="/admin/discrepancies?dismissed=1" className="text-accent underline">
        {t("dShowDismissed")}
      </Link>
      <Section id="d-counts" title={t("dCounts")} total={t("dTotal", { count: report.counts.total })}>
        {report.counts.rows.map((r) => (
          <li key={r.organization.slug}>
            {org(r.organization)}: {t("dCountsRow", { qualifier: r.qualifier, declared: r.declared, listed: r.listed })}
            {r.asOf ? ` (${date(r.asOf)})` : ""}
            <Act locale={locale} entry={r.entry} edit={[orgEdit(r.organization)]} />
          </li>
        ))}
      </Section>
      <Section id="d-early" title={t("dEarly")} total={t("dTotal", { count: report.joinedBeforeFounded.total })}>
        {report.joinedBeforeFounded.rows.map((r) => (
          <li key={`${r.organization.slug}/${r.institution.slug}`}>
            {inst(r.institution)} · {org(r.organization)}:{" "}
            {t("dEarlyRow", { joined: date(r.joined), founded: date(r.founded) })}
            <Act locale={locale} entry={r.entry} edit={[orgEdit(r.organization)]} />
          </li>
        ))}
      </Section>
      <Section
        id="d-only-institution"
        title={t("dOnlyInstitution")}
        total={t("dTotal", { count: report.onlyInstitution.total })}
      >
        {report.onlyInstitution.rows.map((r) => (
          <li key={`${r.organization.slug}/${r.institution.slug}`}>
            {inst(r.institution)} · {org(r.organization)}
            <Act
              locale={locale}
              entry={r.entry}
              confirm={{ organization: r.organization.slug, membershipId: r.membershipId }}
              edit={[orgEdit(r.organization)]}
            />
          </li>
        ))}
      </Section>
      <Section
        id="d-only-organization"
        title={t("dOnlyOrganization")}
        total={t("dTotal", { count: report.onlyOrganization.total })}
      >
        {report.onlyOrganization.rows.map((r) => (
          <li key={`${r.organization.slug}/${r.institution.slug}/${r.reason}`}>
            {inst(r.institution)} · {org(r.organization)}:{" "}
            {r.reason === "FOUNDER_NOT_MEMBER" ? t("dFounderNotMember") : t("dNotConfirmedByInstitution")}
            <Act locale={locale} entry={r.entry} edit={[instEdit(r.institution), orgEdit(r.organization)]} />
          </li>
        ))}
      </Section>
      <SidesDisagreeSection locale={locale} report={report.sidesDisagree} />
      <Section
        id="d-dup-institutions"
        title={t("dDuplicateInstitutions")}
        total={t("dTotal", { count: report.duplicateInstitutions.total })}
      >
        {report.duplicateInstitutions.rows.map((r) => (
          <li key={`${r.a.slug}/${r.b.slug}`}>
            {inst(r.a)} ↔ {inst(r.b)} · {t("dSimilarity", { value: r.similarity })}
            <Act locale={locale} entry={r.entry} edit={[instEdit(r.a), instEdit(r.b)]} />
          </li>
        ))}
      </Section>
      <Section
        id="d-dup-organizations"
        title={t("dDuplicateOrganizations")}
        total={t("dTotal", { count: report.duplicateOrganizations.total })}
      >
        {report.duplicateOrganizations.rows.map((r) => (
          <li key={`${r.a.slug}/${r.b.slug}`}>
            {org(r.a)} ↔ {org(r.b)} · {t("dSimilarity", { value: r.similarity })}
            <Act locale={locale} entry={r.entry} edit={[orgEdit(r.a), orgEdit(r.b)]} />
          </li>
        ))}
      </Section>
    </div>
  );
}
