import "server-only";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

/** A transaction's client, or the process's own (db()) where a write needs no transaction of its own. */
export type Tx = Prisma.TransactionClient;

// One client per process; kept on globalThis so `next dev` reloads do not open a pool each time.
const globalForPrisma = globalThis as unknown as {
  prisma?: PrismaClient;
  suggestPrisma?: PrismaClient;
  recordPrisma?: PrismaClient;
};

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

/** Connections of the record pages' own pool, beside DATABASE_POOL_SIZE. */
const RECORD_POOL_SIZE = 4;

/**
 * The public record pages' reads (an organization's and an institution's profile, their public history, an
 * organization's charts): statements of fixed text (no list of values whose length varies), prepared once per
 * connection and planned once (createPrismaClient's planOnce). A profile is one statement of 12–14 KB of SQL, which
 * PostgreSQL parsed and planned again on every first visit: the database's CPU for an organization's and an
 * institution's profile with their history and charts went from 24 to 4–7 ms a page (2026-12-02, world database).
 */
export function recordDb(): PrismaClient {
  if (!globalForPrisma.recordPrisma)
    globalForPrisma.recordPrisma = createPrismaClient(env().DATABASE_URL, RECORD_POOL_SIZE, { planOnce: true });
  return globalForPrisma.recordPrisma;
}
