import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // lib/data starts with import "server-only", which throws outside Next's server bundle.
  "server-only": path.join(root, "tests/support/empty-module.ts"),
  // Outside a Next request there is no cache to read: call through.
  "next/cache": path.join(root, "tests/support/next-cache.ts"),
};

// npm test (scripts/test.mjs) provides the database and, for e2e, the running server and browser.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/*.test.ts"],
          environment: "node",
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      // Journeys change data (sign in, propose, approve): scripts/test.mjs runs them beside the read-only e2e tests,
      // on a database, server and build folder of their own.
      {
        resolve: { alias },
        test: {
          name: "journeys",
          include: ["tests/e2e/journeys/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
