// Validation of a data package with the Frictionless team's own JavaScript libraries: the descriptor against the
// profile they bundle (no network), then every row of every resource cast to its Table Schema, with the foreign
// keys resolved, as they fetch the files from the descriptor's absolute URLs (served here on loopback).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Package } from "datapackage";

/** A loopback HTTP server answering GET {path} with files[path] (text/csv or JSON by extension), else 404. */
export async function serveFiles(
  files: () => Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const text = files()[path];
    if (text === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = path.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    response.writeHead(200, { "Content-Type": type }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export type PackageReport = {
  valid: boolean;
  profile: string;
  descriptorErrors: string[];
  /** resource name → its rows that failed to cast or to resolve a foreign key (messages with row numbers). */
  rowErrors: Record<string, string[]>;
  rowCounts: Record<string, number>;
};

function describeError(e: Error & { rowNumber?: number; errors?: Error[] }): string {
  const inner = e.errors?.length ? `: ${e.errors.map((x) => x.message).join("; ")}` : "";
  return `row ${e.rowNumber ?? "?"}: ${e.message}${inner}`;
}

/** Load the descriptor (an object or a URL) and read every resource with forceCast, collecting every error. */
export async function checkDataPackage(descriptor: string | object): Promise<PackageReport> {
  const pkg = await Package.load(descriptor);
  const rowErrors: Record<string, string[]> = {};
  const rowCounts: Record<string, number> = {};
  for (const resource of pkg.resources) {
    const hasKeys = Boolean((resource.descriptor.schema as { foreignKeys?: unknown[] }).foreignKeys?.length);
    const rows = await resource.read({ forceCast: true, relations: hasKeys });
    rowCounts[resource.name] = rows.length;
    rowErrors[resource.name] = rows.filter((r): r is Error => r instanceof Error).map(describeError);
  }
  return {
    valid: pkg.valid,
    profile: String(pkg.descriptor.profile),
    descriptorErrors: pkg.errors.map((e) => e.message),
    rowErrors,
    rowCounts,
  };
}
