// Client-safe. The correction a proposal form answers, as the triage's links name it (?correction=<id>).

/** The `correction` query parameter when it is a plausible id, else "" (no correction). */
export function correctionParam(query: Record<string, string | string[] | undefined>): string {
  const value = query.correction;
  return typeof value === "string" && /^[a-z0-9]{1,40}$/i.test(value) ? value : "";
}
