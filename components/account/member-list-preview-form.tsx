"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { reviewMemberListAction } from "@/lib/actions/member-list";
import { countryName } from "@/lib/shared/countries";
import type { MemberListPreviewRow } from "@/lib/shared/types/member-list";
import { membershipRoles } from "@/lib/shared/vocabulary";
import { ActionForm, FieldError } from "./action-form";

type Row = MemberListPreviewRow;

const chosenId = (r: Row) => (r.choice.pick === "institution" ? r.choice.institutionId : null);

/** The row's facts: where it comes from, the role and joined date its request would state. */
function RowFacts({ row, locale }: { row: Row; locale: Locale }) {
  const t = useTranslations("tools.memberList");
  const roles = useTranslations(membershipRoles.namespace);
  return (
    <span className="block text-xs text-muted">
      {t("colLine")} {row.line} · “{row.text}” · {roles(membershipRoles.labels[row.role])} ·{" "}
      {row.joinedText ?? t("notDate")}
      {row.country ? (
        <>
          {" · "}
          {t("countryAsWritten", { country: row.country })}
          {row.countryCodes.length ? ` (${row.countryCodes.map((c) => countryName(c, locale)).join(", ")})` : null}
          {row.countryCodes.length ? null : ` ${t("countryUnknown")}`}
        </>
      ) : null}
    </span>
  );
}

/** A candidate as the preview names it: its name linking to its page, its country, how alike, and its state. */
function Candidate({ row, candidate, locale }: { row: Row; candidate: Row["candidates"][number]; locale: Locale }) {
  const t = useTranslations("tools.memberList");
  return (
    <span>
      <Link href={candidate.href} className="text-accent underline">
        {candidate.name}
      </Link>{" "}
      <span className="text-xs text-muted">
        {countryName(candidate.country, locale)} · {t("score", { score: Math.round(candidate.score * 100) })}
      </span>
      {row.alreadyListed.includes(candidate.id) ? (
        <span className="ml-2 rounded bg-slate-100 px-1 text-xs">{t("alreadyListed")}</span>
      ) : null}
      {row.pending.includes(candidate.id) ? (
        <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("pending")}</span>
      ) : null}
    </span>
  );
}

function MatchedRows({ rows, locale }: { rows: Row[]; locale: Locale }) {
  const t = useTranslations("tools.memberList");
  return (
    <ul className="divide-y divide-line rounded-md border border-line bg-white">
      {rows.map((r) => {
        const c = r.candidates[0]!;
        const id = `rows.${r.index}.pick`;
        return (
          <li key={r.index} className="flex gap-3 px-3 py-2">
            <input
              type="checkbox"
              id={id}
              name={id}
              value={c.id}
              defaultChecked={chosenId(r) === c.id}
              aria-label={t("keepRow", { line: r.line, name: r.name })}
              className="mt-1 h-4 w-4"
            />
            <div>
              <Candidate row={r} candidate={c} locale={locale} />
              <RowFacts row={r} locale={locale} />
              <FieldError name={id} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function AmbiguousRows({ rows, locale }: { rows: Row[]; locale: Locale }) {
  const t = useTranslations("tools.memberList");
  return (
    <div className="space-y-3">
      {rows.map((r) => {
        const name = `rows.${r.index}.pick`;
        const chosen = chosenId(r);
        return (
          <fieldset key={r.index} className="rounded-md border border-line bg-white px-3 py-2">
            <legend className="px-1 text-sm font-medium">
              {t("colLine")} {r.line}: {r.name}
            </legend>
            <RowFacts row={r} locale={locale} />
            {r.candidates.map((c) => (
              <div key={c.id} className="mt-1 flex items-start gap-2">
                <input
                  type="radio"
                  id={`${name}.${c.id}`}
                  name={name}
                  value={c.id}
                  defaultChecked={chosen === c.id}
                  className="mt-1"
                />
                <label htmlFor={`${name}.${c.id}`} className="text-sm">
                  <Candidate row={r} candidate={c} locale={locale} />
                </label>
              </div>
            ))}
            <div className="mt-1 flex items-center gap-2">
              <input type="radio" id={`${name}.none`} name={name} value="none" defaultChecked={!chosen} />
              <label htmlFor={`${name}.none`} className="text-sm">
                {t("noneOfThese")}
              </label>
            </div>
            <FieldError name={name} />
          </fieldset>
        );
      })}
    </div>
  );
}

function NewInstitutionField({ row, field, label }: { row: Row; field: string; label: string }) {
  const name = `rows.${row.index}.${field}`;
  const proposed = row.choice.pick === "new" ? row.choice.institution : null;
  const defaults: Record<string, string> = {
    nameEn: proposed?.nameEn ?? row.name,
    nameZh: proposed?.nameZh ?? "",
    country: proposed?.country ?? row.countryCodes[0] ?? "",
    website: proposed?.website ?? row.website ?? "",
  };
  return (
    <div>
      <label htmlFor={name} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        defaultValue={defaults[field]}
        maxLength={field === "country" ? 2 : field === "website" ? 500 : 300}
        aria-describedby={`${name}-error`}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      <FieldError name={name} />
    </div>
  );
}

function UnmatchedRows({ rows, locale }: { rows: Row[]; locale: Locale }) {
  const t = useTranslations("tools.memberList");
  return (
    <div className="space-y-3">
      {rows.map((r) => {
        const name = `rows.${r.index}.pick`;
        const proposing = r.choice.pick === "new";
        return (
          <fieldset key={r.index} className="rounded-md border border-line bg-white px-3 py-2">
            <legend className="px-1 text-sm font-medium">
              {t("colLine")} {r.line}: {r.name}
            </legend>
            <RowFacts row={r} locale={locale} />
            <div className="mt-1 flex flex-wrap gap-4">
              <span className="flex items-center gap-2">
                <input type="radio" id={`${name}.none`} name={name} value="none" defaultChecked={!proposing} />
                <label htmlFor={`${name}.none`} className="text-sm">
                  {t("leaveOut")}
                </label>
              </span>
              <span className="flex items-center gap-2">
                <input type="radio" id={`${name}.new`} name={name} value="new" defaultChecked={proposing} />
                <label htmlFor={`${name}.new`} className="text-sm">
                  {t("proposeNew")}
                </label>
              </span>
            </div>
            <FieldError name={name} />
            <div className="mt-2 grid gap-2 sm:grid-cols-4">
              <NewInstitutionField row={r} field="nameEn" label={t("newNameEn")} />
              <NewInstitutionField row={r} field="nameZh" label={t("newNameZh")} />
              <NewInstitutionField row={r} field="country" label={t("newCountry")} />
              <NewInstitutionField row={r} field="website" label={t("newWebsite")} />
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

/**
 * The matched, ambiguous and unmatched rows of a member-list draft, with the person's choices; "save" keeps them
 * (the page re-renders with them, with or without JavaScript), "send" sends the kept rows as one batch.
 */
export function MemberListPreviewForm({ locale, draftId, rows }: { locale: Locale; draftId: string; rows: Row[] }) {
  const t = useTranslations("tools.memberList");
  const groups = [
    { key: "matched", lead: "matchedLead", rows: rows.filter((r) => r.status === "MATCHED"), List: MatchedRows },
    {
      key: "ambiguous",
      lead: "ambiguousLead",
      rows: rows.filter((r) => r.status === "AMBIGUOUS"),
      List: AmbiguousRows,
    },
    {
      key: "unmatched",
      lead: "unmatchedLead",
      rows: rows.filter((r) => r.status === "UNMATCHED"),
      List: UnmatchedRows,
    },
  ] as const;
  const button = "rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60";
  return (
    <ActionForm
      action={reviewMemberListAction}
      hidden={{ draftId }}
      submitLabel={t("send")}
      locale={locale}
      buttons={(pending) => (
        <>
          <button
            type="submit"
            name="intent"
            value="send"
            disabled={pending}
            className={`${button} bg-accent text-white hover:bg-accent-strong`}
          >
            {t("send")}
          </button>
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={pending}
            className={`${button} border border-slate-300 bg-white hover:border-accent`}
          >
            {t("save")}
          </button>
        </>
      )}
    >
      {groups.map(({ key, lead, rows: group, List }) => (
        <section key={key} aria-labelledby={`group-${key}`} className="space-y-2">
          <h2 id={`group-${key}`} className="text-lg font-semibold">
            {t(key)} ({group.length})
          </h2>
          <p className="text-sm text-slate-700">{t(lead)}</p>
          {group.length ? <List rows={group} locale={locale} /> : <p className="text-sm text-muted">{t("none")}</p>}
        </section>
      ))}
      <div>
        <label htmlFor="reason" className="block text-sm font-medium">
          {t("reason")}
        </label>
        <textarea
          id="reason"
          name="reason"
          rows={2}
          maxLength={2000}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <FieldError name="reason" />
      </div>
    </ActionForm>
  );
}
