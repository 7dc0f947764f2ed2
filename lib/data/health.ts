import "server-only";
import { db } from "./db";

export type DatabaseHealth = { ok: boolean; latencyMs: number; error?: string };

/**
 * Whether PostgreSQL answers a trivial query within `timeoutMs`. Public (it reads no data), so it takes no
 * acting user; the error names only the kind of failure, never the connection string.
 */
export async function checkDatabase(timeoutMs = 2_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const code = e?.cause?.code ?? e?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "57P01" || code === "57P03") return "the database is shutting down or starting up";
  const message =
    String(e?.message ?? error)
      .split("\n")
      .find((line) => line.trim()) ?? "unknown error";
  // Keep addresses and credentials out of a public response.
  return message.replace(/postgres(ql)?:\/\/\S+/g, "<database>").slice(0, 200);
}
