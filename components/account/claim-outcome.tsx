import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { claimOutcomeMessage } from "@/lib/shared/claims";

/** What the decision on a sign-up did, said on the list it left (the decision's form left with it). */
export async function ClaimOutcome({ done, locale }: { done: unknown; locale: Locale }) {
  const key = claimOutcomeMessage(done);
  if (!key) return null;
  const answers = await getTranslations({ locale, namespace: "validation.answers" });
  return (
    <p role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      {answers(key)}
    </p>
  );
}
