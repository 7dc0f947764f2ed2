-- Staff re-confirm their address yearly (issue 15): a verified address proves a mailbox, not a job.
ALTER TYPE "TokenPurpose" ADD VALUE 'REVERIFY';
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMP(3);
-- Accounts with a password proved their mailbox when they used their last link (invitation, sign-up or reset):
-- that moment is the best record of it, so the first re-confirmation falls due a year after it. An account given
-- its password otherwise (the seed's demo accounts) has no used link: its creation is the only date there is.
UPDATE "User" u SET "emailVerifiedAt" = COALESCE(
  (SELECT max(t."usedAt") FROM "UserToken" t WHERE t."userId" = u.id AND t."usedAt" IS NOT NULL),
  u."createdAt"
) WHERE u."passwordHash" IS NOT NULL;
