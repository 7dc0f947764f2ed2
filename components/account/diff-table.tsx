import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { FieldDiff, ReviewedFieldDiff } from "@/lib/shared/types/change-requests";
import { auditValueText } from "@/lib/shared/audit-details";
import { auditFieldMessage } from "@/lib/shared/audit-fields";
import { TableHead } from "@/components/ui/table-head";

type Row = FieldDiff & Partial<Pick<ReviewedFieldDiff, "now" | "drifted">>;
type Translate = Awaited<ReturnType<typeof getTranslations<"account">>>;
/** The field's label and a value as people read it, in the page's language (lib/shared/audit-details.ts). */
type Labels = { field: (field: string) => string; value: (field: string, value: unknown) => string };

const struck = "text-slate-700 line-through decoration-red-700";
// On a phone four columns do not fit: below sm each field is a card, its values one under another with their
// column's name; from sm on it is a table.
// Lists (an organization's founders, former names, counts) read one row a line.
const cell = "block py-0.5 sm:table-cell sm:px-3 sm:py-2 break-words whitespace-pre-line";
const columnName = "text-xs text-muted sm:hidden";

function FieldRow({
  d,
  t,
  labels,
  isNew,
  current,
}: {
  d: Row;
  t: Translate;
  labels: Labels;
  isNew: boolean;
  current: { recordExists: boolean } | undefined;
}) {
  return (
    <tr className={`block px-3 py-2 sm:table-row sm:p-0 ${d.changed ? "bg-amber-50" : ""}`}>
      <th scope="row" className={`${cell} font-medium`}>
        {labels.field(d.field)}
        {d.changed ? (
          <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
            {t("changed")}
          </span>
        ) : null}
      </th>
      <td className={`${cell} text-slate-700`}>
        <span className={columnName}>{current ? t("whenProposed") : t("valueBefore")}: </span>
        {/* Struck through in its own span: a line through the column's name would read as a deletion too. */}
        <span className={d.changed ? struck : undefined}>{isNew ? "—" : labels.value(d.field, d.before)}</span>
      </td>
      <td className={`${cell} ${d.changed ? "font-semibold" : ""}`}>
        <span className={columnName}>{current ? t("proposedValue") : t("valueAfter")}: </span>
        {labels.value(d.field, d.after)}
      </td>
      {current ? (
        <td className={`${cell} ${d.drifted ? "font-semibold text-red-900" : "text-slate-700"}`}>
          <span className={columnName}>{t("now")}: </span>
          {current.recordExists ? labels.value(d.field, d.now) : "—"}
          {d.drifted ? (
            <span className="ml-2 rounded border border-red-700 bg-red-50 px-1.5 py-0.5 text-xs font-semibold">
              {t("changedSince")}
            </span>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

/**
 * Field by field: the value when proposed, the proposed value and, with `current` (a review), the value now;
 * in the history, before and after. Changed fields first, the unchanged ones on demand. Changes and conflicts
 * are marked in words, not only by colour.
 */
export async function DiffTable({
  diff,
  locale,
  isNew,
  current,
}: {
  diff: Row[];
  locale: Locale;
  isNew: boolean;
  current?: { recordExists: boolean };
}) {
  const [t, all] = await Promise.all([getTranslations({ locale, namespace: "account" }), getTranslations({ locale })]);
  const translate = (key: string) => all(key as never);
  // A field without a label reads "Other field", never its key: tests/unit/audit-fields.test.ts fails on it.
  const labels: Labels = {
    field: (field) => {
      const message = auditFieldMessage(field);
      return message ? translate(`auditDetails.fields.${message}`) : translate("auditDetails.otherField");
    },
    value: (field, value) => auditValueText(field, value, locale, translate),
  };
  const changed = diff.filter((d) => d.changed);
  const unchanged = diff.filter((d) => !d.changed);
  const columns = current
    ? [t("field"), t("whenProposed"), t("proposedValue"), t("now")]
    : [t("field"), t("valueBefore"), t("valueAfter")];
  const table = (rows: Row[], caption: string) => (
    <table className="block w-full text-left text-sm sm:table">
      <caption className="sr-only">{caption}</caption>
      <TableHead columns={columns} className="hidden sm:table-header-group" />
      <tbody className="block divide-y divide-line sm:table-row-group">
        {rows.map((d) => (
          <FieldRow key={d.field} {...{ d, t, labels, isNew, current }} />
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="space-y-3">
      <div className="rounded-md border border-line bg-white">
        {changed.length ? table(changed, t("changedFields")) : <p className="p-3 text-sm">{t("noChangedFields")}</p>}
      </div>
      {unchanged.length ? (
        <details className="rounded-md border border-line bg-white">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
            {t("showAllFields", { count: unchanged.length })}
          </summary>
          {table(unchanged, t("unchangedFields"))}
        </details>
      ) : null}
    </div>
  );
}
