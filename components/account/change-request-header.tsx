import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import type { ChangeRequestDetail } from "@/lib/shared/types/change-requests";

/** What the request is, who proposed it when, where it stands, and any conflict or decision. */
export async function ChangeRequestHeader({ request, locale }: { request: ChangeRequestDetail; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  const pending = request.status === "PENDING";
  return (
    <header>
      <h1 className="text-2xl font-semibold">
        {t(`kinds.${request.kind}`)}: {request.proposedName ?? request.organization.name}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        <Link
          href={`/${request.party.kind === "organization" ? "organizations" : "institutions"}/${request.party.slug}`}
          className="text-accent underline"
        >
          {request.party.kind === "organization"
            ? t("secretariatOf", { organization: request.party.name })
            : request.party.name}
        </Link>{" "}
        · {t("proposedBy", { name: request.proposedBy, date: request.createdAt.slice(0, 10) })} ·{" "}
        <Badge tone={pending ? "warm" : request.status === "APPROVED" ? "accent" : "neutral"}>
          {t(`statuses.${request.status}`)}
        </Badge>
      </p>
      {request.conflict ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("conflict")}: {request.conflict}
        </p>
      ) : null}
      {request.decidedBy ? (
        <p className="mt-3 rounded-md border border-line bg-white p-3 text-sm">
          {t("decision", { name: request.decidedBy })}: <strong>{t(`statuses.${request.status}`)}</strong>
          {request.decisionComment ? ` — “${request.decisionComment}”` : ""}
        </p>
      ) : null}
      {request.mergeOutcome ? (
        <p data-testid="merge-outcome" className="mt-3 rounded-md border border-line bg-white p-3 text-sm">
          {t("duplicates.outcome", { outcome: request.mergeOutcome, organization: request.organization.name })}{" "}
          {request.organization.slug ? (
            <Link href={`/organizations/${request.organization.slug}`} className="text-accent underline">
              /organizations/{request.organization.slug}
            </Link>
          ) : null}
        </p>
      ) : null}
    </header>
  );
}
