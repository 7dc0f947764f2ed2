import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { listReviewQueue } from "@/lib/data/change-requests/queries";
import { ChangeKind, ChangeStatus } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { robots: { index: false } };

const filtersSchema = z.object({
  institution: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
  organization: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
  kind: z.enum(ChangeKind).optional().catch(undefined),
  status: z.enum(ChangeStatus).optional().catch(undefined),
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
});

export default async function ReviewQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/reviews`);
  const filters = filtersSchema.parse(await searchParams);
  const rows = await listReviewQueue(actor, filters, locale);
  const t = await getTranslations({ locale, namespace: "account" });
  const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("reviewQueue")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          {t("filterStatus")}
          <select name="status" defaultValue={filters.status ?? "PENDING"} className={input}>
            {Object.values(ChangeStatus).map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t("filterKind")}
          <select name="kind" defaultValue={filters.kind ?? ""} className={input}>
            <option value="">{t("any")}</option>
            {Object.values(ChangeKind).map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t("filterInstitution")}
          <input
            name="institution"
            defaultValue={filters.institution}
            className={input}
            placeholder="nanjing-medical-university"
          />
        </label>
        <label className="flex flex-col">
          {t("filterOrganization")}
          <input name="organization" defaultValue={filters.organization} className={input} />
        </label>
        <label className="flex flex-col">
          {t("filterAge")}
          <input name="olderThanDays" type="number" min={1} defaultValue={filters.olderThanDays} className={input} />
        </label>
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-medium text-white">
          {t("filter")}
        </button>
      </form>
      {rows.length ? (
        <table className="w-full rounded-md border border-line bg-white text-left text-sm">
          <caption className="sr-only">{t("reviewQueue")}</caption>
          <TableHead columns={[t("change"), t("institution"), t("proposedOn"), t("status")]} />
          <tbody className="divide-y divide-line">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">
                  <Link href={`/account/requests/${r.id}`} className="text-accent underline">
                    {t(`kinds.${r.kind}`)}: {r.organization.name}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {r.institution.name} <span className="text-muted">({r.proposedBy})</span>
                </td>
                <td className="px-3 py-2">{r.createdAt.slice(0, 10)}</td>
                <td className="px-3 py-2">
                  <Badge tone={r.status === "PENDING" ? "warm" : "neutral"}>{t(`statuses.${r.status}`)}</Badge>
                  {r.conflict ? <Badge tone="warm">{t("conflict")}</Badge> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-muted">{t("queueEmpty")}</p>
      )}
    </div>
  );
}
