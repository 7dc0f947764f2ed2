import type { ReactNode } from "react";
import type { Locale } from "@/i18n/routing";
import type { MembershipFacts } from "@/lib/shared/types/memberships";
import { ConfirmationNote, hasConfirmationNote } from "@/components/ui/confirmation-note";
import { present } from "@/components/ui/view-facts";
import { JoinedPeriods } from "./joined-periods";

/**
 * The parts of a membership's row that few rows have and that are rendered on the server, for a table's client rows
 * (components/organizations/member-rows.tsx, components/institutions/participation-rows.tsx): every period of a member
 * that left and rejoined, in words, and where the membership's two sides stand. Absent where a row has nothing.
 */
export function membershipRowParts(
  m: MembershipFacts,
  locale: Locale,
  joinedUnknown: string,
): { periods?: ReactNode; confirmation?: ReactNode } {
  return {
    ...present(
      "periods",
      m.formerPeriods.length > 0 && (
        <JoinedPeriods
          joined={m.joined}
          ended={m.ended}
          formerPeriods={m.formerPeriods}
          locale={locale}
          fallback={joinedUnknown}
        />
      ),
    ),
    ...present(
      "confirmation",
      hasConfirmationNote(m.confirmation) && <ConfirmationNote confirmation={m.confirmation} locale={locale} />,
    ),
  };
}
