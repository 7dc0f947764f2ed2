import "server-only";
import { env } from "../env";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

// One client per process; kept on globalThis so `next dev` reloads do not open a pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    globalForPrisma.prisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return globalForPrisma.prisma;
}
