import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { FieldDiff } from "@/lib/shared/types/change-requests";
import { formatPartialDate, type PartialDate } from "@/lib/shared/dates";
import { TableHead } from "@/components/ui/table-head";

type Labels = { role: (k: string) => string; status: (k: string) => string; kind: (k: string) => string };

const struck = "text-slate-700 line-through decoration-red-700";

function show(value: unknown, field: string, locale: Locale, labels: Labels): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "joined" || field === "ended" || field === "founded")
    return formatPartialDate(value as PartialDate, locale) ?? "—";
  if (field === "role") return labels.role(String(value));
  if (field === "status") return labels.status(String(value));
  if (field === "kind") return labels.kind(String(value));
  return String(value);
}

/** Before / after, field by field; changed fields are marked in words, not only by colour. */
export async function DiffTable({ diff, locale, isNew }: { diff: FieldDiff[]; locale: Locale; isNew: boolean }) {
  const t = await getTranslations({ locale, namespace: "account" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const statuses = await getTranslations({ locale, namespace: "statuses" });
  const kinds = await getTranslations({ locale, namespace: "kinds" });
  const labels: Labels = {
    role: (k) => roles(k as never),
    status: (k) => statuses(k as never),
    kind: (k) => kinds(k as never),
  };
  return (
    <div className="overflow-x-auto rounded-md border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("diff")}</caption>
        <TableHead columns={[t("field"), t("before"), t("after")]} />
        <tbody className="divide-y divide-line">
          {diff.map((d) => (
            <tr key={d.field} className={d.changed ? "bg-amber-50" : undefined}>
              <th scope="row" className="px-3 py-2 font-medium">
                {t.has(`fields.${d.field}`) ? t(`fields.${d.field}` as never) : d.field}
                {d.changed ? (
                  <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
                    {t("changed")}
                  </span>
                ) : null}
              </th>
              <td className={`px-3 py-2 ${d.changed ? struck : "text-slate-700"}`}>
                {isNew ? "—" : show(d.before, d.field, locale, labels)}
              </td>
              <td className={`px-3 py-2 ${d.changed ? "font-semibold" : ""}`}>
                {show(d.after, d.field, locale, labels)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
