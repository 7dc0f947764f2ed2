import type { ReactNode } from "react";

const tones = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-200",
  accent: "bg-accent-soft text-accent-strong ring-cyan-200",
  warm: "bg-amber-50 text-amber-900 ring-amber-200",
} as const;

export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: keyof typeof tones }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        tones[tone]
      }`}
    >
      {children}
    </span>
  );
}
