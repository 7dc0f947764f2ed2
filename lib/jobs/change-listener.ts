import "server-only";
// Wakes the job engine when a change commits: a trigger on AuditEvent raises NOTIFY "atlas_audit" (migration
// 20261130215000_audit_event_notify), which PostgreSQL delivers on commit only. Without it an approved change
// waited for the next minute's sweep; the sweep stays, for anything a lost connection missed.
import pg from "pg";

export const AUDIT_CHANNEL = "atlas_audit";

export type ChangeListener = { stop: () => Promise<void> };

/**
 * Listen for committed audit rows and call `onChange`, at most once per `quietMs` (an import of a thousand rows
 * commits a thousand times; one wake covers them, since the sweep reads everything after each cursor). The
 * connection is one of its own, outside the pools, and comes back after the database does.
 */
export function listenForChanges(
  databaseUrl: string,
  onChange: () => Promise<unknown>,
  { quietMs = 500, retryMs = 2_000 }: { quietMs?: number; retryMs?: number } = {},
): ChangeListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let reconnect: NodeJS.Timeout | null = null;

  const wake = () => {
    timer ??= setTimeout(() => {
      timer = null;
      onChange().catch((error: unknown) =>
        console.error(`[jobs] waking on a change: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, quietMs);
  };

  const retry = () => {
    if (!stopped && !reconnect) reconnect = setTimeout(connect, retryMs);
  };

  const connect = async () => {
    reconnect = null;
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, application_name: "atlas-jobs-listen" });
    // A connection lost (a restart, a failover) is retried quietly; the sweep covers the gap.
    c.on("error", () => {});
    c.on("end", () => {
      if (client === c) client = null;
      retry();
    });
    c.on("notification", (message) => {
      if (message.channel === AUDIT_CHANNEL) wake();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${AUDIT_CHANNEL}`);
      if (stopped) return void (await c.end());
      client = c;
      // Changes that committed while no connection listened: one wake catches up.
      wake();
    } catch {
      await c.end().catch(() => {});
      retry();
    }
  };
  void connect();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (reconnect) clearTimeout(reconnect);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
