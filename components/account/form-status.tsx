"use client";

import { type MouseEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/state";
import { useFormTexts } from "./form-texts";

const SUMMARY =
  "rounded-md border-2 border-red-800 bg-white p-4 text-sm text-red-900 " +
  "focus:outline-3 focus:outline-offset-2 focus:outline-amber-400";

/** Where a field of the form is: its control's id, and its place in the form (the summary follows the form). */
type Place = { id: string | null; order: number };

/** The control named `name` in the form, unless it is hidden (a hidden input cannot be shown or focused). */
function controlOf(form: HTMLFormElement, name: string): HTMLElement | null {
  const found = form.elements.namedItem(name);
  const control = found instanceof RadioNodeList ? found[0] : found;
  if (!(control instanceof HTMLElement)) return null;
  if (control instanceof HTMLInputElement && control.type === "hidden") return null;
  return control;
}

function placesOf(form: HTMLFormElement | null, names: string[]): Record<string, Place> {
  const elements = form ? [...form.elements] : [];
  return Object.fromEntries(
    names.map((name) => {
      const control = form ? controlOf(form, name) : null;
      const order = control ? elements.indexOf(control as Element) : elements.length;
      return [name, { id: control?.id || null, order }];
    }),
  );
}

/** Following a summary link moves focus to the field itself, its label scrolled into view (GOV.UK's way). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const control = document.getElementById(id);
  if (!control) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? control;
  label.scrollIntoView({ block: "center" });
  control.focus({ preventScroll: true });
}

/**
 * The answer to the form's last submission, first in the form: a success message, or an error summary (the
 * action's message and a link to each field in error) that takes the focus after a failed submission, as
 * GOV.UK's error summary does. Both are live regions (status, alert): the answer is announced as it appears.
 */
export function FormStatus({ state, form }: { state: ActionState; form: RefObject<HTMLFormElement | null> }) {
  const { errorSummary } = useFormTexts();
  const titleId = useId();
  const summary = useRef<HTMLDivElement>(null);
  const [places, setPlaces] = useState<Record<string, Place>>({});
  const failed = !state.ok && Boolean(state.message);
  useEffect(() => {
    if (state.ok || !state.message) return;
    setPlaces(placesOf(form.current, Object.keys(state.fieldErrors)));
    summary.current?.focus();
  }, [state, form]);
  const errors = Object.entries(state.fieldErrors)
    .map(([name, messages]) => ({ name, messages, place: places[name] }))
    .sort((a, b) => (a.place?.order ?? 0) - (b.place?.order ?? 0));
  return (
    <>
      <div
        role="status"
        aria-live="polite"
        className={state.ok && state.message ? "text-sm text-green-800" : "sr-only"}
      >
        <p>{state.ok ? state.message : null}</p>
        {state.ok && state.details?.length ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-800">
            {state.details.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered, whose lines may repeat
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {failed ? (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby={titleId} className={SUMMARY}>
          <h2 id={titleId} className="text-base font-semibold">
            {errorSummary}
          </h2>
          <p className="mt-1">{state.message}</p>
          {errors.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {errors.flatMap(({ name, messages, place }) =>
                messages.map((message) => (
                  <li key={`${name}:${message}`}>
                    {place?.id ? (
                      <a
                        href={`#${place.id}`}
                        onClick={(event) => focusField(event, place.id!)}
                        className="font-medium underline"
                      >
                        {message}
                      </a>
                    ) : (
                      message
                    )}
                  </li>
                )),
              )}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
