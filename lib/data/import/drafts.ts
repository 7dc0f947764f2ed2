import "server-only";
import { db } from "../db";
import { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../shared/actor";
import { NotFoundError, ValidationError, addFieldError } from "../../shared/errors";
import { parsePartialDate, fromStoredDate, type PartialDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { requireStaff } from "../guards";
import {
  bracketed,
  MATCH_THRESHOLD,
  pageRows,
  preparePage,
  readingLimit,
  type ImportedRow,
  type OrganizationMatch,
} from "../../import/read-page";
import { WorkMeter, runStepsYielding } from "../../import/work-meter";
import { proposeMembershipCreate, proposeMembershipUpdate } from "../change-requests/requests";
import { membershipValuesSchema } from "../../validation/memberships";
import type { SubmitImportInput } from "../../validation/import";

/** A proposed row with what sending it would do for the staff member's institution. */
export type DraftRow = ImportedRow & {
  action: "CREATE" | "UPDATE" | "UNCHANGED" | "NEW_ORGANIZATION";
  current: { joined: PartialDate | null; role: string } | null;
};

/** The most texts one preview looks up, and the longest the lookup may take at the database. */
const MAX_CANDIDATES = 2000;
const MATCH_TIMEOUT_MS = 10_000;

/**
 * Each candidate text's best match among every name (current and former) and acronym, by trigram similarity.
 * Only matches the reader can use are looked for: pg_trgm's threshold is the reader's (MATCH_THRESHOLD), which
 * lets the trigram index skip the names sharing a few common trigrams ("network", "university") that it
 * otherwise rechecked one by one — 120 ms a candidate at world scale, 4 minutes for a page of 2,000 names,
 * against 5 ms at 0.6. The statement is bounded in time too: a page naming too much gets a message.
 */
export async function matchNames(
  candidates: string[],
  timeoutMs = MATCH_TIMEOUT_MS,
): Promise<Map<string, OrganizationMatch>> {
  const best = new Map<string, OrganizationMatch>();
  if (!candidates.length) return best;
  const rows = await db()
    .$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(MATCH_THRESHOLD)}, true), set_config('statement_timeout', ${String(timeoutMs)}, true)`;
        return tx.$queryRaw<{ t: string; slug: string; name: string; sim: number }[]>`
        SELECT c.t, b.slug, b.name, b.sim FROM unnest(${candidates}::text[]) AS c(t)
        CROSS JOIN LATERAL (
          SELECT o.slug, n.name, similarity(n.name, c.t) AS sim
          FROM "OrganizationName" n JOIN "Organization" o ON o.id = n."organizationId"
          WHERE n.name % c.t ORDER BY sim DESC, o.slug LIMIT 1
        ) b
        UNION ALL
        SELECT c.t, o.slug, o.acronym AS name, 1.0::real AS sim FROM unnest(${candidates}::text[]) AS c(t)
        JOIN "Organization" o ON o.acronym = c.t`;
      },
      { timeout: timeoutMs + 5_000 },
    )
    .catch((error: unknown) => {
      if (isStatementTimeout(error)) throw new TooManyNamesError();
      throw error;
    });
  for (const r of rows) {
    const sim = Number(r.sim);
    if ((best.get(r.t)?.score ?? -1) < sim)
      best.set(r.t, { slug: r.slug, name: r.name, score: Math.round(sim * 100) / 100 });
  }
  return best;
}

/** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014), however Prisma wraps it. */
function isStatementTimeout(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`
      : String(error);
  return /57014|statement timeout/i.test(text);
}

class TooManyNamesError extends ValidationError {
  constructor() {
    super("This text names more organizations than can be looked up at once.", {
      text: ["Paste the part of your page that lists your organizations, in a few parts if it is long."],
    });
  }
}

/** The best of the whole text and its bracketed part: "Pan-Asian … Consortium (PABSC)". */
function matcher(found: Map<string, OrganizationMatch>) {
  return (text: string) => {
    const options = [text, ...bracketed(text)]
      .map((t) => found.get(t))
      .filter((m): m is OrganizationMatch => Boolean(m));
    return options.sort((a, b) => b.score - a.score)[0] ?? null;
  };
}

const sameDate = (a: PartialDate | null, b: PartialDate | null) => (a?.iso ?? null) === (b?.iso ?? null);

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
  // Read in steps that let the event loop serve other requests in between, within a bound on the work: no page
  // of any shape holds the server (lib/import/work-meter.ts).
  const meter = new WorkMeter({ limit: readingLimit(input.text.length) });
  const page = await runStepsYielding(preparePage(input.text, meter));
  const found = await matchNames(page.candidates.slice(0, MAX_CANDIDATES));
  const rows = await runStepsYielding(
    pageRows(
      page,
      matcher(found),
      institution.names.map((n) => n.name),
      meter,
    ),
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
  const draftRows: DraftRow[] = rows.map((r) => {
    const now = r.match ? (current.get(r.match.slug) ?? null) : null;
    const action = !r.match
      ? "NEW_ORGANIZATION"
      : !now
        ? "CREATE"
        : sameDate(now.joined, r.joined) && (r.role === null || r.role === now.role)
          ? "UNCHANGED"
          : "UPDATE";
    return { ...r, action, current: now };
  });
  const draft = await db().importDraft.create({
    data: {
      institutionId: staff.institutionId,
      createdById: staff.id,
      sourceUrl: input.sourceUrl,
      sourceTitle: input.sourceTitle,
      rows: draftRows as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { id: draft.id, rows: draftRows.length };
}

/** A draft of the staff member's own institution, with organization names in the reader's language. */
export async function getImportDraft(actor: Actor | null, draftId: string, locale: string) {
  const staff = requireStaff(actor);
  const draft = await db().importDraft.findFirst({
    where: { id: draftId, institutionId: staff.institutionId },
    select: { id: true, sourceUrl: true, sourceTitle: true, rows: true, submittedAt: true, createdAt: true },
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
    rows: rows.map((r) => ({ ...r, organizationName: r.match ? (names.get(r.match.slug) ?? r.match.name) : null })),
  };
}

/**
 * Sends the rows the staff member kept as change requests (new memberships and corrections of existing ones),
 * all validated before any is created. Rows naming an organization the registry lacks are left to the "propose a
 * new organization" form, where its profile is given.
 */
export async function submitImport(actor: Actor | null, input: SubmitImportInput) {
  const staff = requireStaff(actor);
  const draft = await db().importDraft.findFirst({
    where: { id: input.draftId, institutionId: staff.institutionId },
    select: { id: true, rows: true, sourceUrl: true, sourceTitle: true, submittedAt: true },
  });
  if (!draft) throw new NotFoundError("No such import of your institution.");
  if (draft.submittedAt) throw new ValidationError("This import was already sent for review.");
  const rows = draft.rows as unknown as DraftRow[];
  const fieldErrors: Record<string, string[]> = {};
  const planned: { index: string; slug: string; values: ReturnType<typeof membershipValuesSchema.parse> }[] = [];
  for (const [index, reviewed] of Object.entries(input.rows)) {
    if (!reviewed.include) continue;
    const row = rows[Number(index)];
    if (!row) throw new ValidationError("The form does not match this import: reload the page.");
    if (!row.match) {
      addFieldError(
        fieldErrors,
        `rows.${index}.include`,
        "Not in the registry yet: propose it with the new-organization form.",
      );
      continue;
    }
    try {
      parsePartialDate(reviewed.joined);
    } catch (e) {
      addFieldError(fieldErrors, `rows.${index}.joined`, e instanceof Error ? e.message : "Not a date.");
      continue;
    }
    const values = membershipValuesSchema.safeParse({
      role: reviewed.role,
      status: "ACTIVE",
      joined: reviewed.joined,
      ended: "",
      notes: "",
      sourceUrl: draft.sourceUrl ?? "",
      sourceTitle: draft.sourceTitle ?? "",
      sourceQuote: (row.passage ?? "").slice(0, 2000),
    });
    if (!values.success) {
      for (const issue of values.error.issues)
        addFieldError(fieldErrors, `rows.${index}.${String(issue.path[0])}`, issue.message);
      continue;
    }
    planned.push({ index, slug: row.match.slug, values: values.data });
  }
  // A row whose entry already has a request waiting would stop the batch half-way: refuse it up front.
  const pending = await db().changeRequest.findMany({
    where: {
      institutionId: staff.institutionId,
      status: "PENDING",
      organization: { slug: { in: planned.map((p) => p.slug) } },
    },
    select: { organization: { select: { slug: true } } },
  });
  const waiting = new Set(pending.map((r) => r.organization?.slug));
  const seen = new Set<string>();
  for (const p of planned) {
    if (waiting.has(p.slug))
      addFieldError(fieldErrors, `rows.${p.index}.include`, "A change to this entry is already waiting for review.");
    // Two rows about one entry would make two requests for it, and the second is refused.
    if (seen.has(p.slug))
      addFieldError(
        fieldErrors,
        `rows.${p.index}.include`,
        "Another ticked row is about the same organization: keep one of them.",
      );
    seen.add(p.slug);
  }
  if (Object.keys(fieldErrors).length)
    throw new ValidationError("Some rows need attention; nothing was sent.", fieldErrors);
  if (!planned.length) throw new ValidationError("Tick at least one row to send.");
  const reason = `Imported from ${draft.sourceUrl ?? draft.sourceTitle}`;
  // All or nothing: a row that fails half-way (a request sent meanwhile, a record changed) undoes the rows
  // before it, and the draft stays unsent, so sending again starts from a clean slate.
  const created = await db().$transaction(
    async (tx) => {
      // Claimed first: of two submissions of one draft at the same moment, the second waits here, then stops.
      const claimed = await tx.importDraft.updateMany({
        where: { id: draft.id, submittedAt: null },
        data: { submittedAt: new Date() },
      });
      if (claimed.count === 0) throw new ValidationError("This import was already sent for review.");
      const memberships = await tx.membership.findMany({
        where: { institutionId: staff.institutionId, organization: { slug: { in: planned.map((p) => p.slug) } } },
        select: {
          id: true,
          version: true,
          status: true,
          endedOn: true,
          endedPrecision: true,
          notes: true,
          organization: { select: { slug: true } },
        },
      });
      const existingBySlug = new Map(memberships.map((m) => [m.organization.slug, m]));
      const ids: string[] = [];
      for (const p of planned) {
        const existing = existingBySlug.get(p.slug);
        const request = existing
          ? await proposeMembershipUpdate(
              staff,
              {
                membershipId: existing.id,
                baseVersion: existing.version,
                reason,
                // An import states when and how: what the page does not say (status, end, notes) stays as it is.
                values: {
                  ...p.values,
                  status: existing.status,
                  ended: fromStoredDate(existing.endedOn, existing.endedPrecision),
                  notes: existing.notes,
                },
              },
              tx,
            )
          : await proposeMembershipCreate(staff, { organizationSlug: p.slug, reason, values: p.values }, tx);
        ids.push(request.id);
      }
      return ids;
    },
    { timeout: 30_000 },
  );
  return { requests: created.length };
}
