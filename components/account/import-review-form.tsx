"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { submitImportAction } from "@/lib/actions/import";
import type { PartialDate } from "@/lib/shared/dates";
import { membershipRoles } from "@/lib/shared/vocabulary";
import { ActionForm, FieldError } from "./action-form";
import { DateInput } from "./date-input";

export type ReviewRow = {
  heading: string;
  organizationName: string | null;
  score: number | null;
  joined: PartialDate | null;
  role: string | null;
  passage: string | null;
  /** Longer than a source's quote keeps: only its first `quoteMax` characters are sent. */
  passageCut: boolean;
  action: "CREATE" | "UPDATE" | "UNCHANGED" | "NEW_ORGANIZATION";
  current: { joined: string | null; role: string } | null;
};

/** Each row the page yielded, editable, ticked when sending it would change something. */
export function ImportReviewForm({
  locale,
  draftId,
  rows,
  quoteMax,
}: {
  locale: Locale;
  draftId: string;
  rows: ReviewRow[];
  quoteMax: number;
}) {
  const t = useTranslations("tools");
  const roles = useTranslations(membershipRoles.namespace);
  const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1";
  return (
    <ActionForm action={submitImportAction} hidden={{ draftId }} submitLabel={t("sendSelected")} locale={locale}>
      <div className="overflow-x-auto rounded-md border border-line bg-white">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("colInclude")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("colFound")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("colOrganization")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("colRole")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("colJoined")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line align-top">
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a draft's rows never move; the form names each by index
              <tr key={i}>
                <td className="px-3 py-2">
                  {r.action === "NEW_ORGANIZATION" ? null : (
                    <input
                      type="checkbox"
                      id={`rows.${i}.include`}
                      name={`rows.${i}.include`}
                      defaultChecked={r.action !== "UNCHANGED"}
                      aria-label={`${t("colInclude")}: ${r.organizationName ?? r.heading}`}
                      className="h-4 w-4"
                    />
                  )}
                  <FieldError name={`rows.${i}.include`} />
                </td>
                <td className="max-w-xs px-3 py-2">
                  <span className="font-medium">{r.heading}</span>
                  {r.passage ? (
                    <blockquote className="mt-1 border-l-2 border-line pl-2 text-xs text-slate-700">
                      “{r.passage}”
                    </blockquote>
                  ) : null}
                  {r.passageCut ? (
                    <span className="mt-1 block text-xs font-medium text-amber-800">
                      {t("importCuts.passageCutBadge", { max: quoteMax.toLocaleString(locale) })}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {r.organizationName ? (
                    <>
                      <span>{r.organizationName}</span>
                      <span className="block text-xs text-muted">
                        {t("match", { score: Math.round((r.score ?? 0) * 100) })} · {t(`action${r.action}`)}
                      </span>
                      {r.current ? (
                        <span className="block text-xs text-muted">
                          {t("colNow")}: {roles(r.current.role)} · {r.current.joined ?? "—"}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <>
                      <span className="text-muted">{t("actionNEW_ORGANIZATION")}</span>{" "}
                      <Link href="/account/new-organization" className="block text-xs text-accent underline">
                        {t("proposeItHere")}
                      </Link>
                    </>
                  )}
                </td>
                <td className="px-3 py-2">
                  <label htmlFor={`rows.${i}.role`} className="sr-only">
                    {t("colRole")}
                  </label>
                  <select
                    id={`rows.${i}.role`}
                    name={`rows.${i}.role`}
                    defaultValue={r.role ?? r.current?.role ?? "NOT_STATED"}
                    className={input}
                  >
                    {membershipRoles.values.map((role) => (
                      <option key={role} value={role}>
                        {roles(membershipRoles.labels[role])}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-3 py-2">
                  <label htmlFor={`rows.${i}.joined`} className="sr-only">
                    {t("colJoined")}
                  </label>
                  <DateInput name={`rows.${i}.joined`} defaultValue={r.joined} className={input} />
                  <FieldError name={`rows.${i}.joined`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ActionForm>
  );
}
