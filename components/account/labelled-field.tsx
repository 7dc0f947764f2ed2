"use client";

import type { ReactNode } from "react";
import { FieldError, useFormState } from "./action-form";

/** A labelled control of an ActionForm with its hint and its errors (the control names both in aria-describedby). */
export function LabelledField({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError name={name} />
    </div>
  );
}

/**
 * What a control of the form says of its state: `described(name, hinted, ...more)` is its aria-describedby (its
 * error while it has one, its hint, and any other ids), `invalid(name)` whether the server refused it.
 */
export function useFieldState() {
  const { fieldErrors } = useFormState();
  const described = (name: string, hinted = false, ...more: string[]) =>
    [fieldErrors[name] ? `${name}-error` : null, hinted ? `${name}-hint` : null, ...more].filter(Boolean).join(" ") ||
    undefined;
  const invalid = (name: string) => Boolean(fieldErrors[name]);
  return { described, invalid };
}
