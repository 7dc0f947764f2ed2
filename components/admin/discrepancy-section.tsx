import type { ReactNode } from "react";

/** One kind of disagreement, with how many there are in all and the rows shown. */
export function DiscrepancySection({
  id,
  title,
  total,
  children,
}: {
  id: string;
  title: string;
  total: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-md border border-line bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-muted">({total})</span>
      </h2>
      <ul className="mt-2 space-y-1 text-sm">{children}</ul>
    </section>
  );
}
