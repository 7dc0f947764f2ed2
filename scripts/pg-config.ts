import type { PoolConfig } from "pg";

/** Split a postgres:// URL into pg's fields, so callers can override one (e.g. the database name). */
export function pgConfigFromUrl(url: string): PoolConfig {
  const u = new URL(url);
  if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error(`Not a PostgreSQL URL: ${u.protocol}`);
  const schema = u.searchParams.get("schema");
  return {
    host: decodeURIComponent(u.hostname) || u.searchParams.get("host") || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    options: schema ? `-c search_path=${schema}` : undefined,
  };
}
