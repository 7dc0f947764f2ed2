import type { InstitutionProfile } from "../shared/types/institutions";
import type { PartialDate } from "../shared/dates";

/** What the widget shows — a university's approved memberships — as JSON for sites that render it themselves. */
export type WidgetData = {
  institution: { slug: string; name: string; url: string };
  lang: string;
  memberships: {
    organization: { slug: string; name: string; acronym: string | null; kind: string; url: string };
    foundedBy: { slug: string; name: string }[];
    role: string;
    status: string;
    joined: PartialDate | null;
    ended: PartialDate | null;
    source: { title: string; url: string | null } | null;
  }[];
};

export function toWidgetData(i: InstitutionProfile, lang: string, siteUrl: string): WidgetData {
  const site = siteUrl.replace(/\/$/, "");
  return {
    institution: { slug: i.slug, name: i.name, url: `${site}/${lang}/institutions/${i.slug}` },
    lang,
    memberships: i.participations.map((p) => ({
      organization: {
        slug: p.organization.slug,
        name: p.organization.name,
        acronym: p.organization.acronym,
        kind: p.organization.kind,
        url: `${site}/${lang}/organizations/${p.organization.slug}`,
      },
      foundedBy: p.foundedBy.map((f) => ({ slug: f.slug, name: f.name })),
      role: p.role,
      status: p.status,
      joined: p.joined,
      ended: p.ended,
      source: p.source ? { title: p.source.title, url: p.source.url } : null,
    })),
  };
}
