// No "server-only" here: prisma/seed.ts and the scripts load this outside Next, where that import throws.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

/**
 * A Prisma client over node-postgres. Only lib/data/db.ts (the app) and scripts/seeds/tests call this.
 * When PostgreSQL goes away, pg's pool drops the broken connections (the error listener below keeps an
 * idle connection's error from crashing the process) and opens new ones once the server answers again;
 * the connect timeout makes a request fail within seconds instead of hanging while it is unreachable.
 */
export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
    { onPoolError: (error) => console.error(`[db] a pooled connection failed and was dropped: ${error.message}`) },
  );
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
