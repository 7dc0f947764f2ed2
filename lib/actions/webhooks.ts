"use server";

import { createWebhook, deleteWebhook, rotateWebhookSecret, setWebhookEnabled } from "../data/webhooks/manage";
import { createWebhookSchema, setWebhookEnabledSchema, webhookIdSchema } from "../validation/webhooks";
import { action } from "./action";

// A webhook's secret is in the answer once (handOver: shown by the form, never stored in the page or a log).

export const createWebhookAction = action({
  name: "createWebhook",
  schema: createWebhookSchema,
  async run(actor, input) {
    const { secret } = await createWebhook(actor, input);
    return { message: "Webhook registered. Copy its secret now: it is shown only once.", handOver: secret };
  },
});

export const rotateWebhookSecretAction = action({
  name: "rotateWebhookSecret",
  schema: webhookIdSchema,
  async run(actor, input) {
    const { secret } = await rotateWebhookSecret(actor, input);
    return {
      message: "New secret made: deliveries are signed with it from now on. Copy it now: it is shown only once.",
      handOver: secret,
    };
  },
});

export const setWebhookEnabledAction = action({
  name: "setWebhookEnabled",
  schema: setWebhookEnabledSchema,
  async run(actor, { webhookId, enabled }) {
    await setWebhookEnabled(actor, { webhookId, enabled: enabled === "on" });
    return { message: enabled === "on" ? "Webhook enabled." : "Webhook disabled." };
  },
});

export const deleteWebhookAction = action({
  name: "deleteWebhook",
  schema: webhookIdSchema,
  async run(actor, input) {
    await deleteWebhook(actor, input);
    return { message: "Webhook deleted." };
  },
});
