import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { describeAuditDetails, type DetailLine } from "@/lib/shared/audit-details";

function Lines({ lines, other }: { lines: DetailLine[]; other: string }) {
  return (
    <dl className="space-y-1">
      {lines.map((line) => (
        <div key={line.field} className="sm:flex sm:gap-2">
          <dt className="font-medium text-slate-700 sm:shrink-0">{line.label ?? other}:</dt>
          <dd className="break-words">
            {line.children?.length ? (
              <div className="border-l-2 border-line pl-3">
                <Lines lines={line.children} other={other} />
              </div>
            ) : (
              line.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** An audit row's stored values as a labelled list ("Reason: …"), in the page's language. */
export async function AuditDetails({ values, locale }: { values: Record<string, unknown>; locale: Locale }) {
  const t = await getTranslations({ locale });
  const lines = describeAuditDetails(values, locale, (key) => t(key as never));
  if (!lines.length) return null;
  return (
    <div className="text-xs">
      <Lines lines={lines} other={t("auditDetails.otherField")} />
    </div>
  );
}
