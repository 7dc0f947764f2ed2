import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../shared/actor";
import { NotFoundError, ValidationError } from "../../shared/errors";
import { fromStoredDate, type PartialDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { requireStaff } from "../guards";
import { QUOTE_MAX } from "../../import/imported-row";
import { pageRows, preparePage, readingLimit, type ImportedRow } from "../../import/read-page";
import { WorkMeter, runStepsYielding } from "../../import/work-meter";
import { matcher, matchNames } from "./match-names";

/** A proposed row with what sending it would do for the staff member's institution. */
export type DraftRow = ImportedRow & {
  action: "CREATE" | "UPDATE" | "UNCHANGED" | "NEW_ORGANIZATION";
  current: { joined: PartialDate | null; role: string } | null;
};

type CurrentEntry = NonNullable<DraftRow["current"]>;

/** The most texts one preview looks up: a page naming more is told so on its review page (namesFound). */
export const MAX_CANDIDATES = 2000;

const sameDate = (a: PartialDate | null, b: PartialDate | null) => (a?.iso ?? null) === (b?.iso ?? null);

/** What sending a row would do, given the institution's current entry for its organization (if any). */
function draftRow(row: ImportedRow, current: Map<string, CurrentEntry>): DraftRow {
  const now = row.match ? (current.get(row.match.slug) ?? null) : null;
  const action = !row.match
    ? "NEW_ORGANIZATION"
    : !now
      ? "CREATE"
      : sameDate(now.joined, row.joined) && (row.role === null || row.role === now.role)
        ? "UNCHANGED"
        : "UPDATE";
  return { ...row, action, current: now };
}

/** Read a page into rows, in steps that let the event loop serve other requests, within a bound on the work. */
async function readRows(text: string, institutionNames: string[]) {
  // No page of any shape holds the server (lib/import/work-meter.ts).
  const meter = new WorkMeter({ limit: readingLimit(text.length) });
  const page = await runStepsYielding(preparePage(text, meter));
  const found = await matchNames(page.candidates.slice(0, MAX_CANDIDATES));
  const rows = await runStepsYielding(pageRows(page, matcher(found), institutionNames, meter));
  return { rows, namesFound: page.candidates.length };
}

/** Reads a pasted page into a draft of proposed rows for the staff member to review. Nothing is proposed yet. */
export async function previewImport(
  actor: Actor | null,
  input: { text: string; sourceUrl: string | null; sourceTitle: string | null },
) {
  const staff = requireStaff(actor);
  const institution = await db().institution.findUniqueOrThrow({
    where: { id: staff.institutionId },
    select: {
      names: { select: { name: true } },
      memberships: {
        select: { role: true, joinedOn: true, joinedPrecision: true, organization: { select: { slug: true } } },
      },
    },
  });
  const { rows, namesFound } = await readRows(
    input.text,
    institution.names.map((n) => n.name),
  );
  if (!rows.length)
    throw new ValidationError("No organizations were recognized in this text.", {
      text: ["Paste the part of your page that lists the organizations, with their names as headings."],
    });
  const current = new Map(
    institution.memberships.map((m) => [
      m.organization.slug,
      { joined: fromStoredDate(m.joinedOn, m.joinedPrecision), role: m.role },
    ]),
  );
  const draftRows = rows.map((r) => draftRow(r, current));
  const draft = await db().importDraft.create({
    data: {
      institutionId: staff.institutionId,
      createdById: staff.id,
      sourceUrl: input.sourceUrl,
      sourceTitle: input.sourceTitle,
      rows: draftRows as unknown as Prisma.InputJsonValue,
      namesFound,
    },
    select: { id: true },
  });
  return { id: draft.id, rows: draftRows.length };
}

/** A draft of the staff member's own institution, with organization names in the reader's language. */
export async function getImportDraft(actor: Actor | null, draftId: string, locale: Locale) {
  const staff = requireStaff(actor, undefined, "read");
  const draft = await db().importDraft.findFirst({
    where: { id: draftId, institutionId: staff.institutionId },
    select: {
      id: true,
      sourceUrl: true,
      sourceTitle: true,
      rows: true,
      namesFound: true,
      submittedAt: true,
      createdAt: true,
    },
  });
  if (!draft) throw new NotFoundError("No such import of your institution.");
  const rows = draft.rows as unknown as DraftRow[];
  const slugs = rows.flatMap((r) => (r.match ? [r.match.slug] : []));
  const orgs = await db().organization.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
  });
  const names = new Map(orgs.map((o) => [o.slug, pickName(o.names, locale).name]));
  return {
    ...draft,
    rows: rows.map((r) => ({
      ...r,
      organizationName: r.match ? (names.get(r.match.slug) ?? r.match.name) : null,
      passageCut: (r.passage?.length ?? 0) > QUOTE_MAX,
    })),
    // What the reader left out without a word before: the review page says so.
    cuts: { quoteMax: QUOTE_MAX, namesFound: draft.namesFound, namesConsidered: MAX_CANDIDATES },
  };
}
