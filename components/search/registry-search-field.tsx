"use client";
import { useRouter } from "next/navigation";
import type { Locale } from "@/i18n/routing";
import { SuggestCombobox } from "@/components/ui/suggest-combobox";

/**
 * The registry search's text box with the type-ahead over both kinds of record: a chosen suggestion opens
 * its record at once; what is typed and submitted goes to the search page (the form's action), which is
 * also all a browser without JavaScript does.
 */
export function RegistrySearchField({
  id,
  locale,
  defaultText,
  placeholder,
  className,
}: {
  id: string;
  locale: Locale;
  defaultText?: string;
  placeholder: string;
  className: string;
}) {
  const router = useRouter();
  return (
    <SuggestCombobox
      id={id}
      name="q"
      mode="text"
      types={["organization", "institution"]}
      locale={locale}
      defaultText={defaultText}
      placeholder={placeholder}
      className={className}
      onChoose={(item) => router.push(item.url)}
    />
  );
}
