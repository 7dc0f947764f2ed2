"use client";

import { FieldError, useFormState } from "./action-form";

/** A labelled input of an ActionForm, with its errors beside it and linked for screen readers. */
export function TextField({
  name,
  label,
  type = "text",
  defaultValue,
  autoComplete,
  maxLength = 254,
}: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  maxLength?: number;
}) {
  const state = useFormState();
  const invalid = Boolean(state.fieldErrors[name]);
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        maxLength={maxLength}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${name}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
      <FieldError name={name} />
    </div>
  );
}
