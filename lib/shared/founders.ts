// Client-safe. The sources name an institution in several founding roles of one organization (EPU: the
// Austrian ministry as founder and as supporter; M9: proposer, co-sponsor), one stored row per role: a page
// lists the institution once, with all its roles.
import type { SourceRef } from "./types/memberships";

type RoleRow = { role: unknown; source: SourceRef | null };
type Merged<T extends RoleRow> = Omit<T, "role" | "source"> & { roles: T["role"][]; sources: SourceRef[] };

/** Rows of one party in several roles, merged by `keyOf` in first-seen order: roles and sources each once. */
export function mergeRoles<T extends RoleRow>(rows: readonly T[], keyOf: (row: T) => string): Merged<T>[] {
  const merged = new Map<string, Merged<T>>();
  for (const row of rows) {
    const { role, source, ...rest } = row;
    const key = keyOf(row);
    const into = merged.get(key) ?? { ...rest, roles: [], sources: [] };
    merged.set(key, into);
    if (!into.roles.includes(role)) into.roles.push(role);
    if (source && !into.sources.some((s) => s.key === source.key && s.quote === source.quote))
      into.sources.push(source);
  }
  return [...merged.values()];
}

/** Role labels as one phrase: "Proposer, co-sponsor" in English, "倡议单位、共同发起单位" in Chinese. */
export function joinRoleLabels(labels: readonly string[], locale: string): string {
  if (locale === "zh") return labels.join("、");
  return labels.map((l, i) => (i === 0 ? l : l.charAt(0).toLowerCase() + l.slice(1))).join(", ");
}
