// The column chart (components/charts/bar-chart.tsx) under the join timeline and the home's founded-per-year chart:
// a period in which nothing happened keeps its place on the axis and in the running total but draws no bar. A rect
// of no height showed nothing and carried a title no one could point at, in the HTML and again in the payload: on a
// sparse timeline (4 members over 28 years) most of the chart's bytes.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ColumnChart, type Column } from "@/components/charts/bar-chart";

const columns: Column[] = [
  { key: "2001", value: 2, running: 2, title: "2001: 2 joined, 2 in total" },
  { key: "2002", value: 0, running: 2 },
  { key: "2003", value: 0, running: 2 },
  { key: "2004", value: 1, running: 3, title: "2004: 1 joined, 3 in total" },
];

const render = (cs: Column[]) =>
  renderToStaticMarkup(createElement(ColumnChart, { columns: cs, label: "Timeline", showRunning: true }));

describe("the column chart", () => {
  it("draws a bar, with its title, for each period with something in it, and none for the others", () => {
    const svg = render(columns);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg.match(/data-period="(\d+)"/g)).toEqual(['data-period="2001"', 'data-period="2004"']);
    expect(svg).toContain("<title>2001: 2 joined, 2 in total</title>");
    expect(svg).toContain("<title>2004: 1 joined, 3 in total</title>");
    expect(svg.match(/<title>/g)).toHaveLength(2);
  });

  it("keeps the empty periods' places: the bars stand where they stood, every period is on the axis", () => {
    const svg = render(columns);
    const x = (period: string) => Number(svg.match(new RegExp(`<rect x="([\\d.]+)"[^>]*data-period="${period}"`))![1]);
    // Four periods share the plot: the fourth bar is three steps from the first, not one.
    const step = (x("2004") - x("2001")) / 3;
    expect(step).toBeGreaterThan(100);
    for (const period of ["2001", "2002", "2003", "2004"]) expect(svg).toContain(`>${period}</text>`);
    // The running total's step line has a step per period, the empty ones included (M, then H…V per period, then H).
    const line = svg.match(/<path d="([^"]+)"/)![1]!;
    expect(line.match(/H/g)).toHaveLength(columns.length);
  });

  it("labels a period by its key unless it is given a label", () => {
    const svg = render([{ key: "2019-05", label: "May", value: 1, title: "May 2019: 1" }, ...columns.slice(1)]);
    expect(svg).toContain(">May</text>");
    expect(svg).not.toContain(">2019-05</text>");
    expect(svg).toContain(">2002</text>");
  });
});
