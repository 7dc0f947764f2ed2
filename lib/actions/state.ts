// Client-safe: the forms (components/account/action-form.tsx) read this answer, so nothing here may pull in
// server code.

/**
 * What every action returns to its form: every field's errors, each shown next to its field. `handOver` is a
 * link for the person who submitted the form to pass on (an invitation that could not be mailed): it lives
 * only in this answer to that person's request, and nowhere else.
 */
export type ActionState = {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string[]>;
  handOver?: string;
  /** Lines under a success message: what happened to each of several items (the queue's bulk approval). */
  details?: string[];
};

export const initialActionState: ActionState = { ok: false, message: null, fieldErrors: {} };

/** A server action as a form receives it (React's useActionState signature). */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
