import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { getChangeRequest } from "@/lib/data/change-requests/requests";
import { NotFoundError } from "@/lib/shared/errors";
import {
  approveChangeRequestAction,
  commentOnChangeRequestAction,
  rejectChangeRequestAction,
  withdrawChangeRequestAction,
} from "@/lib/actions/change-requests";
import { ActionForm, FieldError } from "@/components/account/action-form";
import { DiffTable } from "@/components/account/diff-table";
import { Markdown } from "@/components/ui/markdown";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isRecordId } from "@/lib/validation/input";

export const metadata: Metadata = { robots: { index: false } };

export default async function ChangeRequestPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!isRecordId(id)) notFound();
  const actor = await actorOrLogin(locale, `/${locale}/account/requests/${id}`);
  const request = await getChangeRequest(actor, id, locale).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "account" });
  const isAdmin = actor.role === "ADMIN";
  const pending = request.status === "PENDING";
  const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

  return (
    <div className="max-w-4xl space-y-6">
      <Breadcrumbs
        locale={locale}
        items={[
          isAdmin ? { href: "/admin/reviews", label: t("reviewQueue") } : { href: "/account", label: t("staffTitle") },
          { label: t(`kinds.${request.kind}`) },
        ]}
      />
      <header>
        <h1 className="text-2xl font-semibold">
          {t(`kinds.${request.kind}`)}: {request.organization.name}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          <Link href={`/institutions/${request.institution.slug}`} className="text-accent underline">
            {request.institution.name}
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
      </header>

      <section aria-labelledby="diff">
        <h2 id="diff" className="mb-2 text-lg font-semibold">
          {t("diff")}
        </h2>
        <DiffTable diff={request.diff} locale={locale} isNew={request.kind === "MEMBERSHIP_CREATE"} />
        {request.reason ? (
          <p className="mt-2 text-sm">
            <span className="font-medium">{t("reason")}:</span> {request.reason}
          </p>
        ) : null}
      </section>

      {isAdmin && pending ? (
        <section
          aria-labelledby="decide"
          className="grid gap-6 rounded-md border border-line bg-white p-4 md:grid-cols-2"
        >
          <h2 id="decide" className="sr-only">
            {t("decide")}
          </h2>
          <ActionForm
            action={approveChangeRequestAction}
            hidden={{ changeRequestId: request.id }}
            submitLabel={t("approve")}
            locale={locale}
          >
            <div>
              <label htmlFor="approve-comment" className="block text-sm font-medium">
                {t("approveComment")}
              </label>
              <textarea id="approve-comment" name="comment" rows={2} maxLength={2000} className={input} />
              <FieldError name="comment" id="approve-comment-error" />
            </div>
          </ActionForm>
          <ActionForm
            action={rejectChangeRequestAction}
            hidden={{ changeRequestId: request.id }}
            submitLabel={t("reject")}
            tone="danger"
            locale={locale}
          >
            <div>
              <label htmlFor="reject-comment" className="block text-sm font-medium">
                {t("rejectReason")}
              </label>
              <textarea
                id="reject-comment"
                name="comment"
                rows={2}
                maxLength={2000}
                aria-required="true"
                className={input}
                aria-describedby="reject-comment-error"
              />
              <FieldError name="comment" id="reject-comment-error" />
            </div>
          </ActionForm>
        </section>
      ) : null}

      {!isAdmin && pending ? (
        <ActionForm
          action={withdrawChangeRequestAction}
          hidden={{ changeRequestId: request.id }}
          submitLabel={t("withdraw")}
          tone="plain"
          locale={locale}
        />
      ) : null}

      <section aria-labelledby="comments">
        <h2 id="comments" className="text-lg font-semibold">
          {t("comments")}
        </h2>
        <ul className="mt-2 space-y-2">
          {request.comments.map((c) => (
            <li key={c.id} className="rounded-md border border-line bg-white p-3 text-sm">
              <p className="text-xs text-muted">
                {c.author} · {c.authorRole === "ADMIN" ? t("admin") : t("staff")} ·{" "}
                {c.createdAt.slice(0, 16).replace("T", " ")}
              </p>
              <Markdown source={c.body} className="mt-1" />
            </li>
          ))}
        </ul>
        <div className="mt-3">
          <ActionForm
            action={commentOnChangeRequestAction}
            hidden={{ changeRequestId: request.id }}
            submitLabel={t("addComment")}
            tone="plain"
            locale={locale}
          >
            <div>
              <label htmlFor="comment-body" className="block text-sm font-medium">
                {t("comment")}
              </label>
              <textarea id="comment-body" name="body" rows={3} maxLength={2000} className={input} />
              <FieldError name="body" />
            </div>
          </ActionForm>
        </div>
      </section>
    </div>
  );
}
