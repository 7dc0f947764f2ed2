import { PUBLIC_CHANGE_EVENTS } from "../../shared/types/changes";
import { LICENSE } from "../license";
import { common, nstr, nullable, obj, ok, p, ref, str } from "./builders";

// The changes stream (GET /changes): its operation and the shapes it answers with.

const values = {
  type: ["object", "null"],
  description:
    "The public fields the change touched (names, profile facts, a membership's role, status, dates, notes and " +
    "source; `formerPeriods`, its earlier periods as `{joined, ended}` partial dates, absent when it had none), " +
    "as stored on that side. Never an account, an e-mail address or a reviewer's note.",
};
const side = obj({ slug: str, name: str, pageUrl: { type: "string", format: "uri" }, apiUrl: { type: "string" } });

export const changesPaths = {
  "/changes": {
    get: {
      tags: ["changes"],
      operationId: "listChanges",
      summary: "Every approved change to the public data, oldest first, from a moment or a cursor.",
      description:
        "Each item is one applied change: the record, the public fields before and after, the source and when. " +
        "Keep `page.nextCursor` (always given) and ask again with `since=<it>`: pages never skip a change, even " +
        "one whose transaction commits after a later one (it waits until every older transaction has ended).",
      parameters: [
        {
          name: "since",
          in: "query",
          description:
            "An ISO 8601 day or time with its zone (`2026-11-30`, `2026-11-30T08:00:00Z`): changes applied after " +
            "it. Or a previous page's `page.nextCursor`, unchanged: the changes after that page. " +
            "Absent: from the start.",
          schema: str,
        },
        p.limit,
      ],
      responses: { "200": ok("A page of changes.", "ChangeList"), ...common },
    },
  },
} as const;

export const changesSchemas = {
  ChangeSide: side,
  Change: obj({
    id: { ...str, description: "The change's id: stable, the same in the Atom feeds." },
    position: obj({ tx: { type: "string", pattern: "^[0-9]+$" }, id: { type: "string", pattern: "^[0-9]+$" } }),
    event: { type: "string", enum: [...PUBLIC_CHANGE_EVENTS] },
    at: { type: "string", format: "date-time" },
    record: {
      oneOf: [
        obj({
          type: { type: "string", enum: ["organization", "institution"] },
          slug: str,
          name: str,
          pageUrl: { type: "string", format: "uri" },
          apiUrl: { type: "string" },
        }),
        obj({
          type: { const: "membership" },
          id: str,
          name: str,
          organization: ref("ChangeSide"),
          institution: ref("ChangeSide"),
          pageUrl: { type: "string", format: "uri" },
          apiUrl: { type: "string" },
        }),
      ],
    },
    before: values,
    after: values,
    source: nullable(obj({ title: nstr, url: nstr, quote: nstr, seenOn: nstr })),
  }),
  ChangeList: obj({
    data: { type: "array", items: ref("Change") },
    page: obj({
      limit: { type: "integer" },
      nextCursor: { ...str, description: "Where the next page starts: pass it as `since`." },
    }),
    links: obj({ self: str, next: str }),
    license: { type: "string", const: LICENSE.url },
  }),
} as const;
