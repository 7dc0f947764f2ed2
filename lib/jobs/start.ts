import "server-only";
import { env } from "../env";
import { type JobEngine, startJobEngine } from "./engine";
import { listenForChanges } from "./change-listener";
import { JOB_DEFINITIONS, WEBHOOK_SWEEP } from "./jobs";

// The server's one job engine (instrumentation.ts starts it when the server starts). scripts/serve.mjs stops it
// before the process exits, through the function kept under STOP_JOBS on globalThis: the server script is plain
// JavaScript outside Next's bundle, and this is the one handle the two share.
const STOP_JOBS = Symbol.for("alliance-atlas.stop-jobs");
const holder = globalThis as unknown as { [STOP_JOBS]?: () => Promise<void>; atlasJobs?: Promise<JobEngine> };

export function startJobs(): Promise<JobEngine> | null {
  const { JOBS, DATABASE_URL } = env();
  if (JOBS === "0") return null;
  holder.atlasJobs ??= startJobEngine(DATABASE_URL, JOB_DEFINITIONS).then((engine) => {
    // A committed change wakes the webhook sweep now rather than at the next minute's tick.
    const listener = listenForChanges(DATABASE_URL, () => engine.send(WEBHOOK_SWEEP, {}));
    holder[STOP_JOBS] = async () => {
      await listener.stop();
      await engine.stop();
    };
    return engine;
  });
  holder.atlasJobs.catch((error: unknown) =>
    console.error(`[jobs] the job engine did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  return holder.atlasJobs;
}
