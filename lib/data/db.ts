import "server-only";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

/** A transaction's client, or the process's own (db()) where a write needs no transaction of its own. */
export type Tx = Prisma.TransactionClient;

// One client per process; kept on globalThis so `next dev` reloads do not open a pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; suggestPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    globalForPrisma.prisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return globalForPrisma.prisma;
}

/** Connections of the type-ahead's own pool, beside DATABASE_POOL_SIZE. */
const SUGGEST_POOL_SIZE = 3;

/**
 * The type-ahead's own client (lib/data/search/suggest.ts only): its statements are prepared once per connection
 * and planned once (createPrismaClient's planOnce). Planning them took 85 % of their time at the database. A pool
 * of its own, because PostgreSQL's choice of generic plans is a setting of the connection, and the rest of lib/data
 * sends statements of a variety no connection should keep prepared.
 */
export function suggestDb(): PrismaClient {
  if (!globalForPrisma.suggestPrisma)
    globalForPrisma.suggestPrisma = createPrismaClient(env().DATABASE_URL, SUGGEST_POOL_SIZE, { planOnce: true });
  return globalForPrisma.suggestPrisma;
}
