// What the page readers (read-page.ts, read-csv.ts) give back, apart from both so neither imports the other.
import type { PartialDate } from "../shared/dates";
import type { MembershipRole } from "../shared/enums";

/** The longest quote a row's source keeps (lib/validation/fields.ts citation): a longer passage is cut there. */
export const QUOTE_MAX = 2000;

export type OrganizationMatch = { slug: string; name: string; score: number };

export type ImportedRow = {
  /** The organization's name as the page gives it. */
  heading: string;
  match: OrganizationMatch | null;
  joined: PartialDate | null;
  role: MembershipRole | null;
  /** The passage the date and role come from (the row's quote), or null when the page states neither. */
  passage: string | null;
};

export type Matcher = (text: string) => OrganizationMatch | null;
