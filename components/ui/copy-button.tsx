"use client";

import { useState } from "react";

type Status = "idle" | "copied" | "failed";

/**
 * Copies a text to the clipboard and says so in a live region. Where the clipboard is refused (an http
 * page, a denied permission) it selects the text in the field it comes from, so Ctrl+C finishes the job.
 */
export function CopyButton({
  text,
  fieldId,
  label,
  copied,
  failed,
}: {
  text: string;
  fieldId: string;
  label: string;
  copied: string;
  failed: string;
}) {
  const [status, setStatus] = useState<Status>("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      const field = document.getElementById(fieldId);
      if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
      setStatus("failed");
    }
  };
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={copy}
        className="min-h-10 rounded-md border border-line bg-white px-3 text-sm font-medium hover:bg-slate-100"
      >
        {label}
      </button>
      <span role="status" className="text-sm text-slate-700" data-testid="copy-status">
        {status === "copied" ? copied : status === "failed" ? failed : ""}
      </span>
    </div>
  );
}
