import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { DiffTable } from "@/components/account/diff-table";
import type { ChangeRequestDetail } from "@/lib/shared/types/change-requests";

/** The values when proposed, the proposed ones and the current ones, with the proposer's reason. */
export async function ChangeRequestDiff({ request, locale }: { request: ChangeRequestDetail; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <section aria-labelledby="diff">
      <h2 id="diff" className="mb-2 text-lg font-semibold">
        {t("diff")}
      </h2>
      <DiffTable
        diff={request.diff}
        locale={locale}
        isNew={request.kind === "MEMBERSHIP_CREATE"}
        current={{ recordExists: request.recordExists }}
      />
      {request.reason ? (
        <p className="mt-2 text-sm">
          <span className="font-medium">{t("reason")}:</span> {request.reason}
        </p>
      ) : null}
    </section>
  );
}
