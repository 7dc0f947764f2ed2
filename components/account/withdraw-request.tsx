import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/account/action-form";
import { Link } from "@/components/ui/link";
import type { FormAction } from "@/lib/actions/state";

const plainLink =
  "inline-block rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:border-accent";

/**
 * Withdrawing asks first, without JavaScript too: the first step is a link to the same page with
 * ?withdraw=confirm, which shows what withdrawing means beside the one button that does it.
 */
export async function WithdrawRequest({
  changeRequestId,
  confirming,
  withdrawAction,
  locale,
}: {
  changeRequestId: string;
  confirming: boolean;
  withdrawAction: FormAction;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "account" });
  const here = `/account/requests/${changeRequestId}`;
  if (!confirming)
    return (
      <p>
        <Link href={{ pathname: here, query: { withdraw: "confirm" } }} className={plainLink} locale={locale}>
          {t("withdraw")}
        </Link>
      </p>
    );
  return (
    <section
      aria-labelledby="withdraw-confirm"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4"
      id="withdraw"
    >
      <h2 id="withdraw-confirm" className="text-lg font-semibold">
        {t("withdrawConfirmTitle")}
      </h2>
      <p className="text-sm text-slate-800">{t("withdrawConfirmText")}</p>
      <ActionForm
        action={withdrawAction}
        hidden={{ changeRequestId }}
        submitLabel={t("withdrawConfirm")}
        tone="danger"
        locale={locale}
      />
      <Link href={here} className="text-sm underline hover:text-accent" locale={locale}>
        {t("withdrawKeep")}
      </Link>
    </section>
  );
}
