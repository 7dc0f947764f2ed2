import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { PartialDateText } from "@/components/ui/partial-date";
import { ConfirmationNote } from "@/components/ui/confirmation-note";
import type { PartialDate } from "@/lib/shared/dates";
import type { MembershipRole, MembershipStatus } from "@/lib/shared/enums";
import type { Confirmation } from "@/lib/shared/types/memberships";

type Member = {
  id: string;
  institution: { slug: string; name: string };
  role: MembershipRole;
  status: MembershipStatus;
  joined: PartialDate | null;
  confirmation: Confirmation;
  pendingRequestId: string | null;
};

/** A secretariat's members, each with what the two sides state and the links to change or end it. */
export async function MemberSidesTable({ members, locale }: { members: Member[]; locale: Locale }) {
  const [t, roles] = await Promise.all([
    getTranslations({ locale, namespace: "sides" }),
    getTranslations({ locale, namespace: "roles" }),
  ]);
  if (!members.length) return <p className="text-sm">{t("orgNone")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("orgMember")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("orgRole")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("orgJoined")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("orgSides")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("orgActions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} className="border-b border-line align-top" data-member={m.institution.slug}>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/institutions/${m.institution.slug}`} className="text-accent underline">
                  {m.institution.name}
                </Link>
              </th>
              <td className="px-3 py-2">{roles(m.role)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <PartialDateText date={m.joined} locale={locale} fallback="—" />
              </td>
              <td className="px-3 py-2">
                {m.confirmation.state === "NEITHER" && !m.confirmation.organizationSource ? (
                  <span className="text-xs text-muted">{t("orgNotStated")}</span>
                ) : null}
                <ConfirmationNote confirmation={m.confirmation} locale={locale} />
              </td>
              <td className="px-3 py-2">
                {m.pendingRequestId ? (
                  <Link href={`/account/requests/${m.pendingRequestId}`} className="text-accent underline">
                    {t("orgPending")}
                  </Link>
                ) : (
                  <span className="flex flex-wrap gap-3">
                    <Link href={`/account/organization/members/${m.id}`} className="text-accent underline">
                      {t("orgChange")}
                      <span className="sr-only">: {m.institution.name}</span>
                    </Link>
                    <Link href={`/account/organization/members/${m.id}/end`} className="text-accent underline">
                      {t("orgEnd")}
                      <span className="sr-only">: {m.institution.name}</span>
                    </Link>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
