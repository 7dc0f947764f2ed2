"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { setOrganizationEmailDomainsAction } from "@/lib/actions/secretariats";
import { ActionForm } from "@/components/account/action-form";
import { LabelledField, useFieldState } from "@/components/account/labelled-field";

/**
 * Admins set an organization's own email domains, one a line. Each saved domain is listed above the form with what it
 * proves: the organization's own, or shared with the university that lists it (never verifies on its own).
 */
export function OrganizationEmailDomainsForm({
  locale,
  slug,
  domains,
}: {
  locale: Locale;
  slug: string;
  domains: { domain: string; sharedWith: string | null }[];
}) {
  const t = useTranslations("tools");
  return (
    <div>
      {domains.length ? (
        <ul className="mb-3 list-disc pl-5 text-sm" data-testid="organization-domains">
          {domains.map((d) => (
            <li key={d.domain} data-domain={d.domain}>
              {d.sharedWith
                ? t("emailDomainsShared", { domain: d.domain, institution: d.sharedWith })
                : t("emailDomainsOwn", { domain: d.domain })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-muted">{t("emailDomainsNone")}</p>
      )}
      <ActionForm
        action={setOrganizationEmailDomainsAction}
        hidden={{ organizationSlug: slug }}
        submitLabel={t("emailDomainsSave")}
        locale={locale}
      >
        <DomainsField label={t("emailDomainsField")} value={domains.map((d) => d.domain).join("\n")} />
      </ActionForm>
    </div>
  );
}

/** The textarea, inside the form: its errors are the form's answer's (useFieldState reads the enclosing form). */
function DomainsField({ label, value }: { label: string; value: string }) {
  const { described, invalid } = useFieldState();
  return (
    <LabelledField name="domains" label={label}>
      <textarea
        id="domains"
        name="domains"
        rows={3}
        maxLength={4000}
        defaultValue={value}
        aria-invalid={invalid("domains")}
        aria-describedby={described("domains")}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
      />
    </LabelledField>
  );
}
