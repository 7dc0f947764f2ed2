import { niceScale } from "@/lib/charts/timeline";

/**
 * A period's column. A period in which nothing happened has no bar to draw or point at, so it carries no title: the
 * chart's data travels twice (the HTML and the page's payload), and a sparse timeline is mostly such periods. Its
 * axis label is its key unless it says otherwise.
 */
export type Column = { key: string; label?: string; value: number; title?: string; running?: number };

const H = 220;
const PAD = { top: 12, right: 40, bottom: 28, left: 36 };
const BAR = "#1d7890";
const LINE = "#b45309";

/**
 * A column chart in server-rendered SVG (one rect per period, never per item), with an optional running
 * total drawn as a step line on its own axis. The caller supplies the accessible table.
 */
export function ColumnChart({
  columns,
  label,
  showRunning = false,
  width: W = 640,
}: {
  columns: Column[];
  label: string;
  showRunning?: boolean;
  width?: number;
}) {
  const plotW = W - PAD.left - (showRunning ? PAD.right : 8);
  const plotH = H - PAD.top - PAD.bottom;
  const y = niceScale(Math.max(0, ...columns.map((c) => c.value)));
  const yRun = niceScale(Math.max(0, ...columns.map((c) => c.running ?? 0)));
  const step = plotW / Math.max(1, columns.length);
  const barW = Math.max(1, Math.min(40, step * 0.72));
  // Label at most ~12 periods so that they never overlap.
  const every = Math.max(1, Math.ceil(columns.length / Math.floor(W / 52)));
  const xOf = (i: number) => PAD.left + i * step;
  const yOf = (v: number) => PAD.top + plotH - (v / y.max) * plotH;
  const yRunOf = (v: number) => PAD.top + plotH - (v / yRun.max) * plotH;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const stepLine =
    columns.map((c, i) => (i === 0 ? `M${r1(xOf(0))},` : `H${r1(xOf(i))}V`) + r1(yRunOf(c.running ?? 0))).join("") +
    `H${r1(xOf(columns.length))}`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full" data-chart="columns">
      <g className="text-[11px]" fill="#4b5563">
        {y.ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={PAD.left + plotW} y1={r1(yOf(v))} y2={r1(yOf(v))} stroke="#e3e7ee" />
            <text x={PAD.left - 6} y={r1(yOf(v)) + 3} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {showRunning
          ? yRun.ticks.map((v) => (
              <text key={v} x={PAD.left + plotW + 6} y={r1(yRunOf(v)) + 3} fill="#92400e">
                {v}
              </text>
            ))
          : null}
      </g>
      <g fill={BAR}>
        {/* A period with nothing in it draws no bar: a rect of no height showed nothing, and its title no one could
            point at. Its place on the axis and in the running total stay. */}
        {columns.map((c, i) =>
          c.value > 0 ? (
            <rect
              key={c.key}
              x={r1(xOf(i) + (step - barW) / 2)}
              y={r1(yOf(c.value))}
              width={r1(barW)}
              height={r1(Math.max(0, PAD.top + plotH - yOf(c.value)))}
              data-period={c.key}
              data-value={c.value}
            >
              <title>{c.title}</title>
            </rect>
          ) : null,
        )}
      </g>
      {showRunning && columns.length ? <path d={stepLine} fill="none" stroke={LINE} strokeWidth={2} /> : null}
      <line x1={PAD.left} x2={PAD.left + plotW} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#94a3b8" />
      <g className="text-[11px]" fill="#4b5563">
        {columns.map((c, i) =>
          // Counted back from the latest period, which is always labelled.
          (columns.length - 1 - i) % every === 0 ? (
            <text key={c.key} x={r1(xOf(i) + step / 2)} y={H - 10} textAnchor="middle">
              {c.label ?? c.key}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
}

export type Bar = { key: string; label: string; value: number; note?: string };

/** Horizontal bars as an HTML table: the table is the accessible form, the bars are decoration. */
export function HorizontalBars({
  bars,
  caption,
  labelHeading,
  valueHeading,
}: {
  bars: Bar[];
  caption: string;
  labelHeading: string;
  valueHeading: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <table className="w-full text-left text-sm" data-chart="bars">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeading}</th>
          <th scope="col">{valueHeading}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row" className="w-2/5 py-1 pr-3 align-middle font-normal">
              {b.label}
            </th>
            <td className="py-1 align-middle">
              <div className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="block h-3 rounded-sm bg-accent"
                  style={{ width: `${Math.max(2, (b.value / max) * 100) * 0.8}%` }}
                />
                <span className="tabular-nums">{b.value}</span>
                {b.note ? <span className="text-xs text-muted">{b.note}</span> : null}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
