// No "server-only" here: prisma/seed.ts and the scripts load this outside Next, where that import throws.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

/**
 * A Prisma client over node-postgres. Only lib/data/db.ts (the app) and scripts/seeds/tests call this.
 * When PostgreSQL goes away, pg's pool drops the broken connections (the error listener below keeps an
 * idle connection's error from crashing the process) and opens new ones once the server answers again;
 * the connect timeout makes a request fail within seconds instead of hanging while it is unreachable.
 *
 * `planOnce`: each statement is prepared once per connection (named by a hash of its text) and PostgreSQL keeps
 * one generic plan for it rather than planning it again for each set of values. Only for a client whose few
 * statements are large and cheap to run: the type-ahead's (lib/data/search/suggest.ts) took 4 ms to plan and
 * 0.15 ms to run. A client sending statements of unbounded variety must not use it: pg keeps every statement it
 * prepared on its connection for the connection's life.
 */
export function createPrismaClient(
  databaseUrl: string,
  poolSize = 10,
  { planOnce = false }: { planOnce?: boolean } = {},
): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl,
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      ...(planOnce ? { options: "-c plan_cache_mode=force_generic_plan" } : {}),
    },
    {
      onPoolError: (error) => console.error(`[db] a pooled connection failed and was dropped: ${error.message}`),
      ...(planOnce ? { statementNameGenerator: statementName } : {}),
    },
  );
  return new PrismaClient({ adapter });
}

/** A prepared statement's name: the same text always gets the same name, on every connection. */
function statementName({ sql }: { sql: string }): string {
  return `atlas_${createHash("sha1").update(sql).digest("base64url")}`;
}

export type { PrismaClient };
