import "server-only";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

/** A transaction's client, or the process's own (db()) where a write needs no transaction of its own. */
export type Tx = Prisma.TransactionClient;

// One client per process; kept on globalThis so `next dev` reloads do not open a pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    globalForPrisma.prisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return globalForPrisma.prisma;
}
