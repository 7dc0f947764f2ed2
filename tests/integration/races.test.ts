import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { approveChangeRequest } from "@/lib/data/change-requests/decide";
import { proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { ConflictError } from "@/lib/shared/errors";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

// Races through the data layer. Each approval runs in its own transaction on its own pooled connection
// (lib/data/db's pool), so two calls started together really do overlap in PostgreSQL.
const ROUNDS = 50;
const ORG = "south-and-southeast-asia-medical-education-and-service-alliance";
const prisma = testPrisma();
const select = { id: true, email: true, name: true, role: true, institutionId: true, staffRole: true } as const;
let adminA: Actor;
let adminB: Actor;
let staffA: Actor;
let staffB: Actor;

const values = (notes: string) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "",
    ended: "",
    notes,
    sourceUrl: "https://example.org/race",
    sourceTitle: "Race",
    sourceQuote: `Our page says so (${Math.random().toString(36).slice(2)})`,
  });
const membership = () =>
  prisma.membership.findFirstOrThrow({
    where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: ORG } },
  });

beforeAll(async () => {
  const nmu = await prisma.institution.findUniqueOrThrow({
    where: { slug: "nanjing-medical-university" },
    select: { id: true },
  });
  adminA = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atlas.test" }, select });
  adminB = await prisma.user.upsert({
    where: { email: "admin2-race@atlas.test" },
    update: {},
    create: { email: "admin2-race@atlas.test", name: "Second admin", role: "ADMIN" },
    select,
  });
  staffA = await prisma.user.findUniqueOrThrow({ where: { email: "staff@njmu.test" }, select });
  staffB = await prisma.user.upsert({
    where: { email: "staff2-race@njmu.test" },
    update: {},
    create: {
      email: "staff2-race@njmu.test",
      name: "Second NMU staff",
      role: "STAFF",
      staffRole: "MANAGER",
      institutionId: nmu.id,
    },
    select,
  });
});
afterAll(() => prisma.$disconnect());

describe("races", () => {
  it(`${ROUNDS} rounds of two admins approving the same request at the same moment: exactly one applies, \
the other gets a conflict, one audit row`, async () => {
    let conflicts = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const before = await membership();
      const request = await proposeMembershipUpdate(staffA, {
        membershipId: before.id,
        baseVersion: before.version,
        reason: null,
        values: values(`round ${round}`),
      });
      const outcomes = await Promise.allSettled([
        approveChangeRequest(adminA, request.id, null),
        approveChangeRequest(adminB, request.id, null),
      ]);
      const ok = outcomes.filter((o) => o.status === "fulfilled");
      const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(ok, `round ${round}: exactly one approval applies`).toHaveLength(1);
      expect(failed, `round ${round}: the other is refused`).toHaveLength(1);
      expect(failed[0]!.reason, `round ${round}`).toBeInstanceOf(ConflictError);
      expect(String(failed[0]!.reason.message)).toMatch(/already approved/);
      conflicts++;
      const after = await membership();
      expect(after.version, `round ${round}: version +1`).toBe(before.version + 1);
      expect(after.notes).toBe(`round ${round}`);
      expect(
        await prisma.auditEvent.count({ where: { changeRequestId: request.id } }),
        `round ${round}: one audit row`,
      ).toBe(1);
      const stored = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
      expect(stored.status).toBe("APPROVED");
      expect([adminA.id, adminB.id]).toContain(stored.decidedById);
    }
    expect(conflicts).toBe(ROUNDS);
  });

  it(`two staff of one university edit the same membership from the same version: \
the second gets a conflict and the first's values stay`, async () => {
    for (let round = 0; round < 10; round++) {
      const base = await membership();
      const auditBefore = await prisma.auditEvent.count({ where: { entityId: base.id } });
      // Both submit forms opened at version v, at the same moment.
      const proposals = await Promise.allSettled([
        proposeMembershipUpdate(staffA, {
          membershipId: base.id,
          baseVersion: base.version,
          reason: null,
          values: values(`A ${round}`),
        }),
        proposeMembershipUpdate(staffB, {
          membershipId: base.id,
          baseVersion: base.version,
          reason: null,
          values: values(`B ${round}`),
        }),
      ]);
      const made = proposals.flatMap((p, i) =>
        p.status === "fulfilled" ? [{ who: i === 0 ? "A" : "B", id: p.value.id }] : [],
      );
      const refused = proposals.filter((p): p is PromiseRejectedResult => p.status === "rejected");
      for (const r of refused) expect(r.reason, `round ${round}`).toBeInstanceOf(ConflictError);
      expect(made.length).toBeGreaterThanOrEqual(1);

      // The admin approves whatever reached the queue, in order: only the first can apply.
      const decisions = [];
      for (const p of made)
        decisions.push(
          await approveChangeRequest(adminA, p.id, null).then(
            () => "ok",
            (e: unknown) => e,
          ),
        );
      expect(decisions[0]).toBe("ok");
      for (const d of decisions.slice(1)) {
        expect(d).toBeInstanceOf(ConflictError);
        expect((d as Error).message).toMatch(/changed after this request/);
      }

      // A second form still based on version v is refused too, and nothing overwrote the first's values.
      const late = made.length === 1 ? (made[0]!.who === "A" ? staffB : staffA) : staffB;
      await expect(
        proposeMembershipUpdate(late, {
          membershipId: base.id,
          baseVersion: base.version,
          reason: null,
          values: values(`late ${round}`),
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      const after = await membership();
      expect(after.version).toBe(base.version + 1);
      expect(after.notes).toBe(`${made[0]!.who} ${round}`);
      expect(await prisma.auditEvent.count({ where: { entityId: base.id } })).toBe(auditBefore + 1);
      // A refused second request stays in the queue, marked as conflicting, for the admin to reject.
      for (const p of made.slice(1)) {
        const stored = await prisma.changeRequest.findUniqueOrThrow({ where: { id: p.id } });
        expect(stored.status).toBe("PENDING");
        expect(stored.conflict).toMatch(/changed after/);
        await prisma.changeRequest.update({ where: { id: p.id }, data: { status: "WITHDRAWN" } });
      }
    }
  });
});
