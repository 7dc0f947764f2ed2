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

/** Where a label is written: "middle" is left out (the <svg>'s own text-anchor, inherited). */
export type NetworkTextPlace = { x: number; y: number; anchor?: "start" | "end" };

/**
 * An institution network ready to draw (components/charts/network-view.tsx): laid out and worded on the server,
 * so the client component that draws it gets numbers and finished words only.
 */
export type NetworkPicture = {
  locale: string;
  width: number;
  height: number;
  /** The SVG's accessible name. */
  label: string;
  /**
   * The links by stroke width: [width, ends], ends the indexes of each link's two points in turn (0 the centre,
   * i + 1 the i-th of `nodes`). Drawn by the browser (linkPathData), not in the HTML: the lines are decoration.
   */
  links: [number, number[]][];
  center: { x: number; y: number; r: number; text: NetworkTextPlace; short: string } | null;
  nodes: {
    slug: string;
    name: string;
    /** The name cut to fit beside the node. */
    short: string;
    country: string;
    /** The node's accessible name: name, country and how many organizations it shares. */
    title: string;
    /** "2 shared organizations:" */
    shares: string;
    x: number;
    y: number;
    r: number;
    text: NetworkTextPlace;
    /** Whether the name is written (it fits); otherwise it shows on hover and focus. */
    placed: boolean;
    /** Indexes into `organizations`. */
    shared: number[];
  }[];
  /** Every shared organization once, [slug, name]: the same few recur under many nodes. */
  organizations: [string, string][];
  /** "Showing 30 of 157", when not all are shown. */
  shown: string | null;
  listHeading: string;
};

/** What the browser draws for an institution's network: the picture, or the sentence saying there is none. */
export type NetworkAnswer = { picture: NetworkPicture } | { picture: null; none: string };

export type RegistryCharts = {
  foundedPerYear: { year: number; count: number }[];
  foundedUnknown: number;
  /** Memberships by the member's country or region, the 15 with most. */
  membersByCountry: (CountryCount & { institutions: number })[];
  countryTotal: number;
};
