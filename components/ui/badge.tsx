import type { ReactNode } from "react";

type Tone = "neutral" | "accent" | "warm";

/** A small rounded label; its shape and each tone are one class (app/globals.css), as long lists repeat it per row. */
export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: Tone }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
