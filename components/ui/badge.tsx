import type { ReactNode } from "react";

const tones = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-200",
  accent: "bg-accent-soft text-accent-strong ring-cyan-200",
  warm: "bg-amber-50 text-amber-900 ring-amber-200",
} as const;

/** A small rounded label; its shape is one class (app/globals.css), as long lists repeat it on every row. */
export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: keyof typeof tones }) {
  return <span className={`badge ${tones[tone]}`}>{children}</span>;
}
