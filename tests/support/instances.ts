// Extra portal instances for the multi-instance and database-fault tests: the portal's server (scripts/serve.mjs) on
// the build that scripts/test.mjs made for this phase (E2E_DIST_DIR: .next-test, or the journeys' copy of it, so an
// instance never writes its cache into the build folder of the other phase's portal), each with its own port and
// environment.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import Redis from "ioredis";

const root = path.resolve(import.meta.dirname, "..", "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export type Instance = {
  url: string;
  process: ChildProcess;
  log: () => string;
  alive: () => boolean;
  stop: () => Promise<void>;
};

/** Start `next start` on the test build with these variables; resolves once /api/health answers 200. */
export async function startInstance(
  port: number,
  env: Record<string, string>,
  { timeoutMs = 60_000 } = {},
): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-test",
      NEXT_TELEMETRY_DISABLED: "1",
      SITE_URL: url,
      NEXTAUTH_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const instance: Instance = {
    url,
    process: child,
    log: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (!instance.alive()) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (instance.alive()) child.kill("SIGKILL");
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!instance.alive())
      throw new Error(`The instance on port ${port} exited (code ${child.exitCode}):\n${output.slice(-3000)}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return instance;
    await new Promise((r) => setTimeout(r, 200));
  }
  await instance.stop();
  throw new Error(
    `The instance on port ${port} did not become healthy within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`,
  );
}

/** The Redis the multi-instance setup needs; a clear failure (never a skip) when it does not answer. */
export async function connectRedis(): Promise<{ url: string; client: Redis }> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new Error(
      `Redis does not answer at ${url} (${error instanceof Error ? error.message : error}): ` +
        "the multi-instance test needs it. " +
        `Start one (CI's .ci/run does: redis-server --daemonize yes --port 6379) or set REDIS_URL.`,
    );
  }
  return { url, client };
}

/** Delete every key under a prefix (a test's own namespace in the shared Redis). */
export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [nextCursor, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = nextCursor;
    if (keys.length) await client.del(...keys);
  } while (cursor !== "0");
}

/** Sign in through next-auth's credentials endpoint over plain HTTP; returns the session cookie, if any. */
export async function signInHttp(base: string, headers: Record<string, string>, email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // A browser sends the cookies it holds (a device cookie, say) with the CSRF cookie.
  const cookie = [headers.cookie, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])]
    .filter(Boolean)
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // A browser sends its page's Origin with the form; the portal refuses a sign-in POST without one.
    headers: { ...headers, cookie, origin: new URL(base).origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/en/account`, json: "true" }),
  });
  const setCookies = res.headers.getSetCookie();
  const session = setCookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c))?.split(";")[0] ?? null;
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  return { session, url: body.url ?? res.headers.get("location") ?? "", setCookies };
}
