"use client";

import { createContext, type ReactNode, useContext } from "react";

/** The texts a form's own client code shows (FormStatus's error summary), given by the page around it. */
export type FormTextsValue = { errorSummary: string };

const FormTextsContext = createContext<FormTextsValue | null>(null);

/**
 * Gives the forms inside their texts. A plain context, not next-intl's provider: a public record page's watch form
 * would otherwise bring next-intl's client runtime and message formatter (12 KB compressed) into every record page.
 */
export function FormTexts({ texts, children }: { texts: FormTextsValue; children: ReactNode }) {
  return <FormTextsContext.Provider value={texts}>{children}</FormTextsContext.Provider>;
}

export function useFormTexts(): FormTextsValue {
  const texts = useContext(FormTextsContext);
  if (!texts) throw new Error("A form's status needs FormTexts (or FormTextsFor) around the form.");
  return texts;
}
