import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { describeDifferences, type SidesTranslate } from "@/lib/shared/membership-sides";
import type { Confirmation } from "@/lib/shared/types/memberships";
import { Badge } from "./badge";
import { SourceNote } from "./source-note";

/**
 * Where a membership stands between its two sides: "Confirmed by both sides" only when they agree, else which side
 * alone states it, or what each side says where they disagree; the organization's own source beside the
 * institution's (the row's own source, shown by its citation marks).
 */
export function ConfirmationNote({ confirmation, locale }: { confirmation: Confirmation; locale: Locale }) {
  // Synchronous when there is nothing to say, so such a row's cell costs no chunk of its own in the RSC payload.
  if (!hasConfirmationNote(confirmation)) return null;
  return <ConfirmationNoteText confirmation={confirmation} locale={locale} />;
}

/** Whether a membership's two sides give anything to say: most rows of a big table have nothing. */
export function hasConfirmationNote(confirmation: Confirmation): boolean {
  return confirmation.state !== "NEITHER" || Boolean(confirmation.organizationSource);
}

async function ConfirmationNoteText({ confirmation, locale }: { confirmation: Confirmation; locale: Locale }) {
  const { state, organizationSource } = confirmation;
  const t = await getTranslations({ locale, namespace: "sides" });
  const root = (await getTranslations({ locale })) as unknown as SidesTranslate;
  return (
    <span className="mt-1 block">
      {state === "BOTH" ? (
        <span title={t("bothTitle")}>
          <Badge tone="accent">✓ {t("both")}</Badge>
        </span>
      ) : state === "DISAGREE" ? (
        <span className="block text-xs text-amber-900">
          {t("disagree", { differences: describeDifferences(confirmation.differences, root, locale) })}
        </span>
      ) : state === "ORGANIZATION_ONLY" ? (
        <span className="block text-xs text-muted">{t("organizationOnly")}</span>
      ) : state === "INSTITUTION_ONLY" ? (
        <span className="block text-xs text-muted">{t("institutionOnly")}</span>
      ) : null}
      {confirmation.organizationStatedByMember && organizationSource ? (
        <span className="mt-1 block text-xs text-muted">{t("statedByMember")}</span>
      ) : null}
      {organizationSource ? (
        <>
          <span className="mt-1 block text-xs text-muted">{t("organizationSays")}:</span>
          <SourceNote source={organizationSource} locale={locale} compact />
        </>
      ) : null}
    </span>
  );
}
