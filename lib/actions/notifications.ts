"use server";

import { z } from "zod";
import { markNotificationsRead } from "../data/accounts/notifications";
import { action } from "./action";

export const markNotificationsReadAction = action({
  name: "markNotificationsRead",
  schema: z.object({}),
  async run(actor) {
    await markNotificationsRead(actor);
    return { message: "Marked as read." };
  },
});
