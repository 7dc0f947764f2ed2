// The figures the charts draw (client-safe shapes; lib/data aggregates them, lib/charts lays them out).
import type { DatePrecision } from "../dates";

/** Joins counted in SQL: per year, and per month for dates known to the month or day (month null otherwise). */
export type JoinCount = { year: number; month: number | null; count: number };

/** One bar: `iso` is "2019" or "2019-05", as a PartialDate's iso. */
export type TimelineBucket = {
  iso: string;
  precision: Extract<DatePrecision, "YEAR" | "MONTH">;
  joined: number;
  cumulative: number;
};

export type Timeline = { buckets: TimelineBucket[]; dated: number; unknown: number };

export type CountryCount = { code: string; count: number };

export type OrganizationCharts = {
  /** Listed members per country or region of the member institution, most first. */
  memberCountries: CountryCount[];
  /** Countries a source or a founder names where no member is listed here. */
  namedOnly: string[];
  timeline: Timeline;
};

export type NetworkNode = {
  slug: string;
  name: string;
  country: string;
  /** Organizations shared with the institution at the centre. */
  shared: { slug: string; name: string }[];
};

export type InstitutionNetwork = {
  center: { slug: string; name: string; country: string };
  /** The institutions sharing most organizations with the centre, most first (at most `limit`). */
  nodes: NetworkNode[];
  /** Shared organizations between any two shown institutions (the centre included). */
  links: { source: string; target: string; weight: number }[];
  /** How many institutions share at least one organization with the centre, shown or not. */
  total: number;
};

export type RegistryCharts = {
  foundedPerYear: { year: number; count: number }[];
  foundedUnknown: number;
  /** Memberships by the member's country or region, the 15 with most. */
  membersByCountry: (CountryCount & { institutions: number })[];
  countryTotal: number;
};
