// For `npm run bench`: prepare "an approved change visible on the public page" in the world database —
// an admin and a staff account of the organization's first listed member (bench-only addresses, the
// password from BENCH_PASSWORD) and a pending change request to that membership's notes, proposed through
// the data layer as staff would. The bench then approves it in the browser and polls the public page.
// Run as: node --import tsx --import ./scripts/bench/register.mjs scripts/bench/approval-setup.ts ORG_SLUG
import { createPrismaClient } from "../../lib/data/prisma-client.ts";
import { hashPassword } from "../../lib/auth/passwords.ts";
import { fromStoredDate } from "../../lib/shared/dates.ts";
import { membershipValuesSchema } from "../../lib/validation/memberships.ts";
import { proposeMembershipUpdate } from "../../lib/data/change-requests/propose.ts";

async function main() {
  const slug = process.argv[2];
  const password = process.env.BENCH_PASSWORD;
  if (!slug || !password) throw new Error("Usage: BENCH_PASSWORD=… approval-setup.ts ORGANIZATION_SLUG");
  const prisma = createPrismaClient(process.env.DATABASE_URL!, 2);
  try {
    const membership = await prisma.membership.findFirstOrThrow({
      where: { organization: { slug } },
      orderBy: [{ joinedOn: { sort: "asc", nulls: "last" } }, { institution: { slug: "asc" } }],
      select: {
        id: true,
        version: true,
        institutionId: true,
        role: true,
        status: true,
        joinedOn: true,
        joinedPrecision: true,
        endedOn: true,
        endedPrecision: true,
        institution: { select: { slug: true } },
      },
    });
    const passwordHash = await hashPassword(password);
    const admin = await prisma.user.upsert({
      where: { email: "bench-admin@bench.invalid" },
      create: { email: "bench-admin@bench.invalid", name: "Bench Admin", role: "ADMIN", passwordHash },
      update: { passwordHash, disabledAt: null },
      select: { id: true },
    });
    const staff = await prisma.user.upsert({
      where: { email: "bench-staff@bench.invalid" },
      create: {
        email: "bench-staff@bench.invalid",
        name: "Bench Staff",
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: membership.institutionId,
        passwordHash,
      },
      update: { institutionId: membership.institutionId, passwordHash, disabledAt: null },
      select: { id: true, email: true, name: true, institutionId: true },
    });
    // A previous run's request may still wait: withdraw it so a new one can be proposed.
    await prisma.changeRequest.updateMany({
      where: { membershipId: membership.id, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const notes = `Bench check ${new Date().toISOString()}`;
    const values = membershipValuesSchema.parse({
      role: membership.role,
      status: membership.status,
      notes,
      sourceTitle: "Alliance Atlas bench",
      sourceUrl: "",
      sourceQuote: "",
      joined: fromStoredDate(membership.joinedOn, membership.joinedPrecision)?.iso ?? "",
      ended: fromStoredDate(membership.endedOn, membership.endedPrecision)?.iso ?? "",
    });
    const request = await proposeMembershipUpdate(
      {
        id: staff.id,
        email: staff.email,
        name: staff.name,
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: staff.institutionId,
      },
      {
        membershipId: membership.id,
        baseVersion: membership.version,
        reason: "Bench: time from approval to the public page",
        values,
      },
    );
    console.log(
      JSON.stringify({
        changeRequestId: request.id,
        notes,
        adminId: admin.id,
        adminEmail: "bench-admin@bench.invalid",
      }),
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
