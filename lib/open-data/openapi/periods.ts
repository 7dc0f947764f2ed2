import { nullable, obj, ref } from "./builders";

// A membership's periods (left, then rejoined) as the API gives them (lib/data/open/records.ts toOpenMembership).

export const periodSchema = obj({
  joined: { ...nullable(ref("PartialDate")), description: "Null when the source does not say when it began." },
  ended: { ...nullable(ref("PartialDate")), description: "Null for the current period while it lasts." },
  current: { type: "boolean", description: "The membership's current (latest) period." },
  source: nullable(ref("Source")),
});

export const periodsSchema = {
  type: "array",
  minItems: 1,
  description:
    "Every period of the membership, earliest first: a university that left and later rejoined has one for each " +
    "time it was a member. The last is the current one (`current: true`), with the same dates and source as " +
    "`joined`, `ended` and `source`; the earlier ones have ended, and each rests on the source that stated it. " +
    "Dates are at the precision the source gives (`PartialDate`).",
  items: ref("Period"),
};
