import { createPrismaClient } from "@/lib/prisma-client";

/** The test database that scripts/test.mjs created, migrated and seeded for this run. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/atlas_test_/.test(url)) {
    throw new Error("Integration tests run through `npm test`, which creates a fresh atlas_test_* database; DATABASE_URL does not name one.");
  }
  return url;
}

export function testPrisma() {
  return createPrismaClient(testDatabaseUrl(), 4);
}
