import type { ComponentProps, ReactNode } from "react";
import type { Locale } from "@/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { KeysetPager } from "@/components/ui/keyset-pager";

/**
 * A record's long list read a page at a time (an organization's members, an institution's participations): the
 * way back to the record, the title, how many there are, why a page link was set aside, the list and its pager.
 */
export function KeysetListPage({
  locale,
  crumbs,
  title,
  lead,
  problem,
  pager,
  children,
}: {
  locale: Locale;
  crumbs: ComponentProps<typeof Breadcrumbs>["items"];
  title: string;
  lead: string;
  /** The page link that could not be read, said in the page's language (null when there was none). */
  problem: string | null;
  pager: Omit<ComponentProps<typeof KeysetPager>, "locale">;
  children: ReactNode;
}) {
  return (
    <article>
      <Breadcrumbs locale={locale} items={crumbs} />
      <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-1 text-muted">{lead}</p>
      {problem ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {problem}
        </p>
      ) : null}
      <div className="mt-6">{children}</div>
      <KeysetPager locale={locale} {...pager} />
    </article>
  );
}
