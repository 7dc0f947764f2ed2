import type { ComponentProps } from "react";
import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import { localizedHref, type Href } from "@/i18n/routing";

type LinkProps = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: Href; locale?: string };

/**
 * A link to a page of this site in the page's language, resolved on the server: next/link gets the finished
 * address. next-intl's own Link (and anything importing i18n/navigation on the server) brings its client
 * provider and message formatter, 12 KB compressed, into every page's scripts; this one brings nothing.
 * Given its locale it renders at once. Without one it waits for the page's, and an awaiting component is a
 * chunk of its own in the page's RSC payload: tables pass the locale so that their rows stay one chunk.
 */
export function Link({ href, locale, ...rest }: LinkProps) {
  if (locale) return <NextLink href={localizedHref(href, locale)} {...rest} />;
  return <LinkInPageLocale href={href} {...rest} />;
}

async function LinkInPageLocale({ href, ...rest }: Omit<LinkProps, "locale">) {
  return <NextLink href={localizedHref(href, await getLocale())} {...rest} />;
}
