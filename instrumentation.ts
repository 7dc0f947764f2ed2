// Next calls register() once when a server starts: the job engine (webhook deliveries) starts with it, in every
// instance (they share one queue in PostgreSQL: lib/jobs/engine.ts). Node.js runtime only; never at build time.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobs } = await import("./lib/jobs/start");
  startJobs();
}
