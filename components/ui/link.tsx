import type { ComponentProps } from "react";
import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import { localizedHref, type Href } from "@/i18n/routing";

/**
 * A link to a page of this site in the page's language, resolved on the server: next/link gets the finished
 * address. next-intl's own Link (and anything importing i18n/navigation on the server) brings its client
 * provider and message formatter, 12 KB compressed, into every page's scripts; this one brings nothing.
 */
export async function Link({
  href,
  locale,
  ...rest
}: Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: Href; locale?: string }) {
  return <NextLink href={localizedHref(href, locale ?? (await getLocale()))} {...rest} />;
}
