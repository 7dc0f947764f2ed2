import type { testPrisma } from "./db";

type TestPrisma = ReturnType<typeof testPrisma>;

/**
 * An approved secretariat account of an organization (issue 16), made directly: tests of what secretariats may do
 * start from one without walking the sign-up. Idempotent by email.
 */
export async function secretariatUser(
  prisma: TestPrisma,
  input: { email: string; organizationSlug: string; staffRole?: "MANAGER" | "EDITOR" | null; name?: string },
) {
  const organization = await prisma.organization.findUniqueOrThrow({
    where: { slug: input.organizationSlug },
    select: { id: true },
  });
  const data = {
    name: input.name ?? "Secretariat Member",
    role: "STAFF" as const,
    staffRole: input.staffRole === undefined ? ("MANAGER" as const) : input.staffRole,
    organizationId: organization.id,
    institutionId: null,
    emailVerifiedAt: new Date(),
  };
  return prisma.user.upsert({ where: { email: input.email }, create: { email: input.email, ...data }, update: data });
}
