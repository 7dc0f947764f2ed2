// Client-safe. The staff dashboard's filter of its request list, as the address carries it (?status=pending).
import type { ChangeStatus } from "./enums";

export const requestStatusFilters = ["pending", "approved", "rejected", "withdrawn"] as const;
export type RequestStatusFilter = (typeof requestStatusFilters)[number];

/** The filter a query parameter names, or null (all requests) for anything else. */
export function parseRequestStatusFilter(value: unknown): RequestStatusFilter | null {
  return requestStatusFilters.find((f) => f === value) ?? null;
}

/** The stored status a filter selects. */
export function statusOfFilter(filter: RequestStatusFilter): ChangeStatus {
  return filter.toUpperCase() as ChangeStatus;
}
