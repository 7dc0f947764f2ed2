import { createPrismaClient } from "@/lib/data/prisma-client";
import type { Actor } from "@/lib/shared/actor";
import { staffAddressDueAt } from "@/lib/shared/address-reverification";

/** The test database that scripts/test.mjs created, migrated and seeded for this run. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/atlas_test_/.test(url)) {
    throw new Error(
      "Integration tests run through `npm test`, which creates a fresh atlas_test_* database; " +
        "DATABASE_URL does not name one.",
    );
  }
  return url;
}

export function testPrisma() {
  return createPrismaClient(testDatabaseUrl(), 4);
}

/**
 * For test files that write: switch this file (its Prisma clients and lib/data/db) to the run's writable copy of
 * the seeded database. Call at the top of the file, before any query.
 */
export function useWriteDatabase() {
  const url = process.env.WRITE_DATABASE_URL;
  if (!url || !/atlas_test_\w+_w\b/.test(url))
    throw new Error("WRITE_DATABASE_URL is not set: run the tests through `npm test`.");
  process.env.DATABASE_URL = url;
}

/** Like useWriteDatabase, for the fuzz test: a copy of its own, since valid junk may change any record. */
export function useFuzzDatabase() {
  const url = process.env.FUZZ_DATABASE_URL;
  if (!url || !/atlas_test_\w+_fuzz\b/.test(url))
    throw new Error("FUZZ_DATABASE_URL is not set: run the tests through `npm test`.");
  process.env.DATABASE_URL = url;
}

/**
 * Like useWriteDatabase, for the publication test: a copy of its own, holding the seed and what the test makes, since
 * it reads every public read of every record (in the shared copy, every other file's records too).
 */
export function usePublicationDatabase() {
  const url = process.env.PUBLICATION_DATABASE_URL;
  if (!url || !/atlas_test_\w+_pub\b/.test(url))
    throw new Error("PUBLICATION_DATABASE_URL is not set: run the tests through `npm test`.");
  process.env.DATABASE_URL = url;
}

type TestPrisma = ReturnType<typeof testPrisma>;

/** The acting user as the data layer takes it (the session's shape), loaded by email. */
export async function loadActor(prisma: TestPrisma, email: string): Promise<Actor> {
  const { emailVerifiedAt, createdAt, ...actor } = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      institutionId: true,
      organizationId: true,
      staffRole: true,
      emailVerifiedAt: true,
      createdAt: true,
    },
  });
  return { ...actor, addressDueAt: staffAddressDueAt({ role: actor.role, emailVerifiedAt, createdAt }) };
}
