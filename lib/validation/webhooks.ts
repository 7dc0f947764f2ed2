import { z } from "zod";
import { say } from "./say";

const webhookId = z.string().min(1).max(40);

/** Slugs typed one per line (or separated by commas or spaces), as the form's two lists hold them. */
const slugList = z
  .string()
  .max(4000)
  .default("")
  .transform((text) => [...new Set(text.split(/[\s,]+/).filter(Boolean))]);

export const createWebhookSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  scope: z.enum(["all", "chosen"], { error: say("chooseWebhookScope") }),
  organizations: slugList,
  institutions: slugList,
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ webhookId });

export const setWebhookEnabledSchema = z.object({ webhookId, enabled: z.enum(["on", "off"]) });
