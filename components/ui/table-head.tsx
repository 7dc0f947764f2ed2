/**
 * A table's roles, stated: a table laid out as blocks on narrow screens (its rows as cards) loses its table
 * semantics in some browsers unless its elements say what they are. Spread: <table {...TABLE_ROLES.table}>.
 */
export const TABLE_ROLES = {
  table: { role: "table" },
  row: { role: "row" },
  rowheader: { role: "rowheader" },
  columnheader: { role: "columnheader" },
  cell: { role: "cell" },
} as const;

/** The column headings of a data table; a column may carry a width class, the row group a display class. */
export function TableHead({
  columns,
  className = "",
}: {
  columns: (string | { label: string; className: string })[];
  className?: string;
}) {
  return (
    <thead className={`bg-slate-50 text-xs uppercase tracking-wide text-muted ${className}`.trim()}>
      <tr>
        {columns.map((c) => {
          const { label, className } = typeof c === "string" ? { label: c, className: "" } : c;
          return (
            <th key={label} scope="col" className={`px-3 py-2 ${className}`.trim()}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
