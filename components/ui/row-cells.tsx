import type { DateView, Named } from "./view-facts";

// Drawn by tables' client rows (components/organizations/member-rows.tsx, components/institutions/participation-rows
// .tsx) from what their server components made (./view-facts.ts): the same markup the server components drew.

/** A name, marked with its language where it is not the page's. */
export function NameText({ name, lang }: Named) {
  return lang ? <span lang={lang}>{name}</span> : name;
}

/** When a member joined, or the words for "not known". */
export function JoinedText({ joined, unknown }: { joined: DateView | undefined; unknown: string }) {
  return joined ? <time dateTime={joined.iso}>{joined.text}</time> : <span className="text-muted">{unknown}</span>;
}
