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
