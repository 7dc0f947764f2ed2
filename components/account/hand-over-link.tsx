"use client";

import { useTranslations } from "next-intl";
import { useFormState } from "./action-form";

/**
 * A link the enclosing form's answer gave this person to pass on (an invitation that could not be mailed).
 * It exists only in this answer: it has no name, so it is never sent back, and a reload forgets it.
 */
export function HandOverLink() {
  const { handOver } = useFormState();
  const t = useTranslations("account");
  if (!handOver) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="hand-over-link" className="block text-sm font-medium">
        {t("handOverLink")}
      </label>
      <input
        id="hand-over-link"
        readOnly
        value={handOver}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
      />
    </div>
  );
}
