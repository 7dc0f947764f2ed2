/** The id of a numbered source's entry in the list under a table (components/ui/citations.tsx), its marks' target. */
export const citationId = (list: string, n: number) => `${list}-source-${n}`;

/**
 * A row's sources as their numbers ([1] [2]), each a link to its entry in the list under the table. `label` is the
 * word read before each number ("Source": the source namespace's label), translated once by the table: a synchronous
 * component is rendered in place, where an asynchronous one became a chunk of its own in the RSC payload, per row.
 * Apart from the list, which waits for translations on the server, so that a table's rows may be a client component.
 */
export function CitationMarks({ list, numbers, label }: { list: string; numbers: number[]; label: string }) {
  if (!numbers.length) return null;
  return (
    <span className="text-xs text-muted">
      {numbers.map((n) => (
        // Big enough to tap: a bare "[1]" would be an 8 px target.
        <a key={n} href={`#${citationId(list, n)}`} className="source-mark">
          <span className="sr-only">{`${label} `}</span>
          {`[${n}]`}
        </a>
      ))}
    </span>
  );
}
