"use server";

import { confirmAddressWithToken, requestAddressConfirmation } from "../data/accounts/address-reverification";
import { confirmAddressSchema, requestAddressConfirmationSchema } from "../validation/accounts";
import { action } from "./action";

export const requestAddressConfirmationAction = action({
  name: "requestAddressConfirmation",
  schema: requestAddressConfirmationSchema,
  async run(actor, _input, locale) {
    const { email } = await requestAddressConfirmation(actor, locale);
    return { message: `A confirmation link is on its way to ${email}.` };
  },
});

export const confirmAddressAction = action({
  name: "confirmAddress",
  schema: confirmAddressSchema,
  async run(actor, input, locale) {
    await confirmAddressWithToken(actor, input.token);
    // A page of its own says it is done, signed in or not (the link's page would now say the link is used).
    return {
      message: "Thank you: your address is confirmed for another year.",
      redirectTo: `/${locale}/account/address-confirmed`,
    };
  },
});
