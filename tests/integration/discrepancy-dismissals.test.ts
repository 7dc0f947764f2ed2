// The discrepancy report's entries set aside with a reason (issue 13 §3): only admins, audited, out of the
// report while the entry's facts are unchanged, back when restored or when the facts change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import type { DiscrepancyEntry } from "@/lib/shared/types/discrepancies";
import { getDiscrepancyReport } from "@/lib/data/admin/discrepancies";
import { listDismissedDiscrepancies } from "@/lib/data/admin/discrepancy-dismissals";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
let admin: Actor;
let nmuStaff: Actor;
const versions = new Map<string, number>();

beforeAll(async () => {
  [admin, nmuStaff] = await Promise.all([loadActor(prisma, "admin@atlas.test"), loadActor(prisma, "staff@njmu.test")]);
});

afterAll(async () => {
  // Later files (tools.test.ts) count the one-sided memberships: leave the report as it was.
  await prisma.discrepancyDismissal.deleteMany({});
  for (const [id, version] of versions) await prisma.membership.update({ where: { id }, data: { version } });
  await prisma.$disconnect();
});

const oneSided = async () => (await getDiscrepancyReport(admin)).onlyInstitution.rows;
const subjects = async () => (await oneSided()).map((r) => r.entry.subject);
const dismiss = (actor: Actor | null, entry: DiscrepancyEntry, reason: string, locale: "en" | "zh" = "en") =>
  runDefinition(
    actions.dismissDiscrepancy!,
    actor,
    { check: entry.kind, subject: entry.subject, facts: entry.facts, reason },
    locale,
  );
const restore = (actor: Actor | null, dismissalId: string) =>
  runDefinition(actions.restoreDiscrepancy!, actor, { dismissalId }, "en");
const audits = (event: string) => prisma.auditEvent.findMany({ where: { action: event }, orderBy: { at: "asc" } });

describe("dismissing an entry of the discrepancy report", () => {
  it("by an admin: gone from the report and stays gone; the reason is stored and audited", async () => {
    const [entry] = await oneSided();
    expect(entry, "the seed has one-sided memberships").toBeDefined();
    const { state } = await dismiss(admin, entry!.entry, "NMU's page is the only source there is; fine.");
    expect(state).toMatchObject({
      ok: true,
      message: "Dismissed: the entry leaves the report until its facts change.",
    });
    expect(await subjects()).not.toContain(entry!.entry.subject);
    expect(await subjects()).not.toContain(entry!.entry.subject);
    const stored = await prisma.discrepancyDismissal.findUniqueOrThrow({
      where: { kind_subject: { kind: "ONLY_INSTITUTION", subject: entry!.entry.subject } },
    });
    expect(stored).toMatchObject({ reason: "NMU's page is the only source there is; fine.", dismissedById: admin.id });
    const [audit] = (await audits("discrepancy.dismiss")).filter((a) => a.entityId === stored.id);
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "DiscrepancyDismissal" });
    expect(audit!.after).toMatchObject({ reason: "NMU's page is the only source there is; fine." });
    const listed = await listDismissedDiscrepancies(admin, (await getDiscrepancyReport(admin)).entries);
    expect(listed).toContainEqual(
      expect.objectContaining({ id: stored.id, reason: stored.reason, stillApplies: true }),
    );
  });

  it("by staff or anonymous: refused, and nothing changes", async () => {
    const [entry] = await oneSided();
    const before = { report: await subjects(), dismissals: await prisma.discrepancyDismissal.count() };
    const audited = await prisma.auditEvent.count();
    for (const actor of [nmuStaff, null]) {
      const { state } = await dismiss(actor, entry!.entry, "Not mine to dismiss.");
      expect(state.ok).toBe(false);
      expect(state.message).toBeTruthy();
    }
    const dismissal = await prisma.discrepancyDismissal.findFirstOrThrow();
    for (const actor of [nmuStaff, null]) expect((await restore(actor, dismissal.id)).state.ok).toBe(false);
    expect({ report: await subjects(), dismissals: await prisma.discrepancyDismissal.count() }).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(audited);
  });

  it("without a reason: a message beside the field, in the form's language, and nothing changes", async () => {
    const [entry] = await oneSided();
    const count = await prisma.discrepancyDismissal.count();
    const en = await dismiss(admin, entry!.entry, " ");
    expect(en.state.ok).toBe(false);
    expect(en.state.fieldErrors.reason).toEqual(["Say why the entry can be set aside."]);
    const zh = await dismiss(admin, entry!.entry, "", "zh");
    expect(zh.state.fieldErrors.reason?.join("")).toMatch(/[\u4e00-\u9fff]/);
    expect(await prisma.discrepancyDismissal.count()).toBe(count);
    expect(await subjects()).toContain(entry!.entry.subject);
  });

  it("restored: back in the report, audited", async () => {
    const dismissal = await prisma.discrepancyDismissal.findFirstOrThrow({
      where: { reason: "NMU's page is the only source there is; fine." },
    });
    expect(await subjects()).not.toContain(dismissal.subject);
    const { state } = await restore(admin, dismissal.id);
    expect(state).toMatchObject({ ok: true, message: "Restored: the entry is back in the report." });
    expect(await subjects()).toContain(dismissal.subject);
    expect(await prisma.discrepancyDismissal.count({ where: { id: dismissal.id } })).toBe(0);
    const restored = (await audits("discrepancy.restore")).filter((a) => a.entityId === dismissal.id);
    expect(restored).toHaveLength(1);
    expect(restored[0]!.before).toMatchObject({ reason: dismissal.reason, subject: dismissal.subject });
    expect((await restore(admin, dismissal.id)).state).toMatchObject({
      ok: false,
      message: "No such dismissed entry.",
    });
  });

  it("when the entry's facts change (the membership's version), it shows again", async () => {
    const [entry] = await oneSided();
    expect((await dismiss(admin, entry!.entry, "Checked with the organization by phone.")).state.ok).toBe(true);
    expect(await subjects()).not.toContain(entry!.entry.subject);
    const m = await prisma.membership.findUniqueOrThrow({ where: { id: entry!.entry.subject } });
    versions.set(m.id, m.version);
    await prisma.membership.update({ where: { id: m.id }, data: { version: m.version + 1 } });
    expect(await subjects()).toContain(entry!.entry.subject);
    const listed = await listDismissedDiscrepancies(admin, (await getDiscrepancyReport(admin)).entries);
    expect(listed.find((d) => d.subject === entry!.entry.subject)).toMatchObject({ stillApplies: false });
  });
});
