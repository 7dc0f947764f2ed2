"use server";

import { confirmWatch, watchRecord } from "../data/watches/subscribe";
import { setDigestFrequency, stopWatching, unsubscribeWatcher } from "../data/watches/manage";
import { watchUnsubscribePath, watcherPagePath } from "../shared/paths";
import { NotFoundError } from "../shared/errors";
import {
  confirmWatchSchema,
  setDigestFrequencySchema,
  stopWatchingSchema,
  unsubscribeWatcherSchema,
  watchRecordSchema,
} from "../validation/watches";
import { action } from "./action";

// Watching records by email (issue 18 §2). Anyone may use the form; the subscriber's page and its buttons are
// opened by the token of a mailed link, whoever holds it (as a correction's status link or a reset link is).

/** Anyone: watch this page's record. The same answer for every address (no enumeration). */
export const watchRecordAction = action({
  name: "watchRecord",
  schema: watchRecordSchema,
  async run(actor, input, locale, context) {
    const outcome = await watchRecord(actor, input, {
      clientAddress: context.clientAddress,
      locale,
      later: context.later,
    });
    return {
      message:
        outcome === "watching"
          ? "You now watch this page: digests go to your account's address. Every digest links to your watches."
          : "Check your inbox: if the address can receive digests, a confirmation link is on its way. " +
            "Nothing is sent before you follow it.",
    };
  },
});

/** The confirmation link's button: the watch counts from now on; on to the subscriber's page. */
export const confirmWatchAction = action({
  name: "confirmWatch",
  schema: confirmWatchSchema,
  async run(_actor, { token }, locale) {
    const pageToken = await confirmWatch(token);
    return { message: "Confirmed: you watch it now.", redirectTo: `${watcherPagePath(locale, pageToken)}?confirmed=1` };
  },
});

export const setDigestFrequencyAction = action({
  name: "setDigestFrequency",
  schema: setDigestFrequencySchema,
  async run(_actor, { token, frequency }) {
    await setDigestFrequency(token, frequency);
    return { message: frequency === "WEEKLY" ? "Digests come weekly from now on." : "Digests come daily from now on." };
  },
});

export const stopWatchingAction = action({
  name: "stopWatching",
  schema: stopWatchingSchema,
  async run(_actor, { token, watchId }) {
    await stopWatching(token, watchId);
    return { message: "You no longer watch it." };
  },
});

/** Stop every digest (the page's button; mail clients' one-click POST goes to app/api/watch/unsubscribe). */
export const unsubscribeWatcherAction = action({
  name: "unsubscribeWatcher",
  schema: unsubscribeWatcherSchema,
  async run(_actor, { token }, locale) {
    if (!(await unsubscribeWatcher(token)))
      throw new NotFoundError("This link is not valid any more: the latest digest carries a fresh one.");
    // The page the button was on opens nothing now: on to its "done" state.
    return {
      message: "Unsubscribed: no more digests go to this address, and it is no longer kept.",
      redirectTo: `${watchUnsubscribePath(locale, token)}?done=1`,
    };
  },
});
