import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/migrate.ts (Prisma's WebAssembly schema engine), not by
// `prisma migrate`, whose native engine cannot be downloaded everywhere. This file serves `prisma generate`
// and anyone who has the native engine and wants the CLI.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset" },
});
