"use client";
import type { Locale } from "@/i18n/routing";

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
  type FormEvent,
  type ReactNode,
} from "react";
import { initialActionState, type ActionState, type FormAction } from "@/lib/actions/state";
import { FormStatus } from "./form-status";

const StateContext = createContext<ActionState>(initialActionState);

/** The state of the enclosing ActionForm, for its fields. */
export function useFormState() {
  return useContext(StateContext);
}

/** A small form bound to a server action: its answer first (a message, or a summary linking to each field in
 * error), then the fields, each with its errors beside it in a live region. */
export function ActionForm({
  action,
  hidden,
  children,
  submitLabel,
  tone = "primary",
  locale,
  id,
  buttons,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  children?: ReactNode;
  submitLabel: string;
  tone?: "primary" | "danger" | "plain";
  locale: Locale;
  /** For fields outside the form (form="…"), as checkboxes in a list's rows. */
  id?: string;
  /** Submit buttons of its own (each with a name and value) instead of the one labelled `submitLabel`. */
  buttons?: (pending: boolean) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const form = useRef<HTMLFormElement>(null);
  // React resets a form after its action runs, which would wipe what the person typed when the server
  // answers with field errors. Submit through a transition instead, and clear the form only on success.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  }
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const tones = {
    primary: "bg-accent text-white hover:bg-accent-strong",
    danger: "bg-red-800 text-white hover:bg-red-900",
    plain: "border border-slate-300 bg-white hover:border-accent",
  };
  return (
    <StateContext.Provider value={state}>
      <form id={id} ref={form} action={formAction} onSubmit={submit} className="space-y-3">
        <input type="hidden" name="locale" value={locale} />
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <FormStatus state={state} form={form} />
        {children}
        <div className="flex flex-wrap items-center gap-3">
          {buttons ? (
            buttons(pending)
          ) : (
            <button
              type="submit"
              disabled={pending}
              className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}
            >
              {submitLabel}
            </button>
          )}
        </div>
      </form>
    </StateContext.Provider>
  );
}

/** The errors of one field of the enclosing form, announced as they appear. */
export function FieldError({ name, id = `${name}-error` }: { name: string; id?: string }) {
  const errors = useFormState().fieldErrors[name];
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-800">
      {errors?.join(" ")}
    </p>
  );
}
