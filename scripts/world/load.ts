// Bulk loading: COPY … FROM STDIN in large chunks, with secondary indexes and foreign keys dropped during
// the load and rebuilt from their own definitions afterwards (all in the caller's transaction).
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Row, Value } from "./generate.ts";

function field(v: Value): string {
  if (v === null) return "\\N";
  if (typeof v !== "string") return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** COPY the rows into the table; returns the number of rows. */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<Row>,
  onProgress?: (n: number) => void,
) {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let count = 0;
  let chunk = "";
  for (const row of rows) {
    chunk += `${row.map(field).join("\t")}\n`;
    count++;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise((r) => stream.once("drain", r));
      chunk = "";
      onProgress?.(count);
    }
  }
  stream.end(chunk);
  await done;
  return count;
}

export type Secondary = { indexes: string[]; foreignKeys: { table: string; name: string; definition: string }[] };

/**
 * Drop the tables' secondary indexes (everything but primary keys) and foreign keys, returning their
 * definitions as PostgreSQL prints them, so they come back exactly as the migrations made them.
 */
export async function dropSecondary(client: pg.PoolClient | pg.Client, tables: readonly string[]): Promise<Secondary> {
  const { rows: fks } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
    [tables.map((t) => `"${t}"`)],
  );
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
    [tables],
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  return { indexes: indexes.map((i) => i.definition), foreignKeys: fks };
}

export async function restoreSecondary(
  client: pg.PoolClient | pg.Client,
  secondary: Secondary,
  log: (m: string) => void,
) {
  for (const definition of secondary.indexes) {
    const started = Date.now();
    await client.query(definition);
    log(
      `  ${definition.replace(/^CREATE (UNIQUE )?INDEX (\S+) ON .*$/, "$2")} ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  for (const fk of secondary.foreignKeys)
    await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
}
