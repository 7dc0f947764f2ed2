"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import {
  createWebhookAction,
  deleteWebhookAction,
  rotateWebhookSecretAction,
  setWebhookEnabledAction,
} from "@/lib/actions/webhooks";
import { ActionForm, FieldError, useFormState } from "./action-form";
import { useFieldState } from "./labelled-field";
import { TextField } from "./text-field";

/**
 * A webhook's secret, in the answer of the form that made it and nowhere else: the field has no name, so it is
 * never sent back, and a reload forgets it.
 */
function SecretOnce({ id }: { id: string }) {
  const { handOver } = useFormState();
  const t = useTranslations("webhooks");
  if (!handOver) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("secretOnce")}
      </label>
      <input
        id={id}
        readOnly
        value={handOver}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
      />
    </div>
  );
}

/** A list of slugs, one a line. */
function SlugList({ name, label, hint }: { name: string; label: string; hint: string }) {
  const { described, invalid } = useFieldState();
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`${name}-hint`} className="text-xs text-muted">
        {hint}
      </p>
      <textarea
        id={name}
        name={name}
        rows={3}
        maxLength={4000}
        aria-invalid={invalid(name)}
        aria-describedby={described(name, true)}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
      />
      <FieldError name={name} />
    </div>
  );
}

export function CreateWebhookForm({ locale }: { locale: Locale }) {
  const t = useTranslations("webhooks");
  return (
    <ActionForm action={createWebhookAction} hidden={{}} submitLabel={t("create")} locale={locale}>
      <SecretOnce id="new-webhook-secret" />
      <TextField name="url" label={t("url")} type="url" maxLength={2000} />
      <fieldset>
        <legend className="text-sm font-medium">{t("scope")}</legend>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="all" defaultChecked /> {t("scopeAll")}
        </label>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="chosen" /> {t("scopeChosen")}
        </label>
        <FieldError name="scope" />
      </fieldset>
      <SlugList name="organizations" label={t("organizations")} hint={t("slugHint")} />
      <SlugList name="institutions" label={t("institutions")} hint={t("slugHint")} />
    </ActionForm>
  );
}

/** One webhook's buttons: a new secret, disable or enable, delete. */
export function WebhookActions({
  webhookId,
  enabled,
  locale,
}: {
  webhookId: string;
  enabled: boolean;
  locale: Locale;
}) {
  const t = useTranslations("webhooks");
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm
        action={rotateWebhookSecretAction}
        hidden={{ webhookId }}
        submitLabel={t("rotate")}
        tone="plain"
        locale={locale}
      >
        <SecretOnce id={`secret-${webhookId}`} />
      </ActionForm>
      <ActionForm
        action={setWebhookEnabledAction}
        hidden={{ webhookId, enabled: enabled ? "off" : "on" }}
        submitLabel={enabled ? t("disable") : t("enable")}
        tone="plain"
        locale={locale}
      />
      <ActionForm
        action={deleteWebhookAction}
        hidden={{ webhookId }}
        submitLabel={t("delete")}
        tone="danger"
        locale={locale}
      />
    </div>
  );
}
