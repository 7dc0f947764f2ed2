// The schema's enums as plain constants, safe in client components and pages: the generated module holds no
// Prisma client, and this one file is where code outside lib/data reaches it.
export * from "../generated/prisma/enums";
