import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getChangeRequest } from "@/lib/data/change-requests/queries";
import { NotFoundError } from "@/lib/shared/errors";
import {
  commentOnChangeRequestAction,
  decideChangeRequestAction,
  withdrawChangeRequestAction,
} from "@/lib/actions/change-requests";
import { mergeOrganizationProposalAction } from "@/lib/actions/organization-merges";
import { WithdrawRequest } from "@/components/account/withdraw-request";
import { ChangeRequestHeader } from "@/components/account/change-request-header";
import { ChangeRequestDiff } from "@/components/account/change-request-diff";
import { DateWarnings } from "@/components/account/date-warnings";
import { ChangeRequestComments } from "@/components/account/change-request-comments";
import { DecisionForm } from "@/components/admin/decision-form";
import { MergeForm } from "@/components/admin/merge-form";
import { PossibleDuplicates } from "@/components/account/possible-duplicates";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isRecordId } from "@/lib/validation/input";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

export default async function ChangeRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ withdraw?: string | string[] }>;
}) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (!isRecordId(id)) notFound();
  const actor = await actorOrLogin(locale, `/${locale}/account/requests/${id}`);
  const [request, t] = await Promise.all([
    getChangeRequest(actor, id, locale).catch((e: unknown) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }),
    getTranslations({ locale, namespace: "account" }),
  ]);
  const isAdmin = actor.role === "ADMIN";
  const pending = request.status === "PENDING";

  return (
    <div className="max-w-5xl space-y-6">
      <Breadcrumbs
        locale={locale}
        items={[
          isAdmin
            ? { href: "/admin/reviews", label: t("reviewQueue") }
            : { href: "/account", label: actor.organizationId ? t("secretariatTitle") : t("staffTitle") },
          { label: t(`kinds.${request.kind}`) },
        ]}
      />
      <ChangeRequestHeader request={request} locale={locale} />
      <DateWarnings warnings={request.warnings} organization={request.organization.name} locale={locale} />
      <ChangeRequestDiff request={request} locale={locale} />
      {request.kind === "ORGANIZATION_CREATE" && pending ? (
        <PossibleDuplicates
          similar={request.similar}
          institution={request.party.name}
          audience={isAdmin ? "reviewer" : "proposer"}
          locale={locale}
        >
          {isAdmin ? (
            <MergeForm
              changeRequestId={request.id}
              similar={request.similar}
              institution={request.party.name}
              mergeAction={mergeOrganizationProposalAction}
              locale={locale}
            />
          ) : null}
        </PossibleDuplicates>
      ) : null}
      {!isAdmin && pending ? (
        <WithdrawRequest
          changeRequestId={request.id}
          confirming={(await searchParams).withdraw === "confirm"}
          withdrawAction={withdrawChangeRequestAction}
          locale={locale}
        />
      ) : null}

      {/* The decision beside the discussion it answers on wide screens; one under the other on a phone. */}
      <div className={isAdmin && pending ? "grid gap-6 lg:grid-cols-2 lg:items-start" : undefined}>
        <ChangeRequestComments request={request} commentAction={commentOnChangeRequestAction} locale={locale} />
        {isAdmin && pending ? (
          <DecisionForm changeRequestId={request.id} decideAction={decideChangeRequestAction} locale={locale} />
        ) : null}
      </div>
    </div>
  );
}
