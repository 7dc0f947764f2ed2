"use server";

// Admins' direct edits: published at once, without a change request.
import { adminUpdateInstitution } from "../data/admin/institution-edit";
import { adminCreateInstitution, adminCreateOrganization, adminUpdateOrganization } from "../data/admin/records";
import { adminInstitutionPath, adminOrganizationPath } from "../shared/paths";
import { adminCreateInstitutionSchema, adminUpdateInstitutionSchema } from "../validation/institutions";
import { adminCreateOrganizationSchema, adminUpdateOrganizationSchema } from "../validation/organizations";
import { action } from "./action";

export const adminUpdateInstitutionAction = action({
  name: "adminUpdateInstitution",
  schema: adminUpdateInstitutionSchema,
  async run(actor, input) {
    const tags = await adminUpdateInstitution(actor, input);
    return { message: "Saved and published.", tags };
  },
});

export const adminCreateInstitutionAction = action({
  name: "adminCreateInstitution",
  schema: adminCreateInstitutionSchema,
  async run(actor, input, locale) {
    const r = await adminCreateInstitution(actor, input);
    return { message: "Institution added.", tags: r.tags, redirectTo: adminInstitutionPath(locale, r.slug) };
  },
});

export const adminUpdateOrganizationAction = action({
  name: "adminUpdateOrganization",
  schema: adminUpdateOrganizationSchema,
  async run(actor, input) {
    const tags = await adminUpdateOrganization(actor, input);
    return { message: "Saved and published.", tags };
  },
});

export const adminCreateOrganizationAction = action({
  name: "adminCreateOrganization",
  schema: adminCreateOrganizationSchema,
  async run(actor, input, locale) {
    const r = await adminCreateOrganization(actor, input);
    return {
      message: "Organization added and published.",
      tags: r.tags,
      redirectTo: adminOrganizationPath(locale, r.slug),
    };
  },
});
