import { LICENSE } from "../license";
import { paths } from "./paths";
import { components } from "./schemas";

// The read API's OpenAPI 3.1 document: served at /api/v1/openapi.json, rendered on /[locale]/data/api, and
// the contract the tests validate every response against.

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Alliance Atlas read API",
    version: "1.0.0",
    summary:
      "International university alliances, their founders and members, with dates at the precision the sources give.",
    description:
      "Public, approved data only; no key needed. Lists are paged with opaque cursors (`page.nextCursor`, or " +
      "`links.next`). Every 200 carries a strong ETag: send it as If-None-Match to get 304. GET, HEAD and OPTIONS " +
      "are open to any origin (CORS); other methods answer 405. Errors are JSON: " +
      '`{ "error": { "code", "message", "details"? } }`.',
    license: { name: LICENSE.name, identifier: LICENSE.id },
  },
  servers: [{ url: "/api/v1" }],
  // The API is open: no operation needs credentials. An empty root `security` says so (OpenAPI 3.1 §4.8.1),
  // rather than leaving readers (and linters) to wonder whether a scheme was forgotten.
  security: [],
  // Every tag an operation uses is declared here with a description (redocly's tag-description rule).
  tags: [
    {
      name: "records",
      description: "Organizations, institutions and memberships as JSON, a record or a page at a time.",
    },
    {
      name: "downloads",
      description: "Whole datasets and one record's slice as files (CSV, JSON, JSON-LD), and the dated releases.",
    },
    {
      name: "changes",
      description: "Every approved change to the public data, in order, with the fields before and after.",
    },
    { name: "widget", description: "What the embeddable widget of an institution's memberships reads." },
  ],
  paths,
  components,
} as const;

export type OpenApiOperation = {
  operationId: string;
  path: string;
  method: string;
  summary: string;
  description?: string;
  parameters: { name: string; in: string; description?: string }[];
};

/** The documented operations, in document order, for the human-readable page. */
export function listOperations(): OpenApiOperation[] {
  return Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as {
        operationId: string;
        summary: string;
        description?: string;
        parameters?: readonly { name: string; in: string; description?: string }[];
      };
      return {
        operationId: o.operationId,
        path,
        method: method.toUpperCase(),
        summary: o.summary,
        description: o.description,
        parameters: [...(o.parameters ?? [])],
      };
    }),
  );
}
