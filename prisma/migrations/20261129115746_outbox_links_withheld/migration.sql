-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "note" TEXT;

-- Invitation and reset links used to be kept in the outbox, which every admin reads: withhold them there,
-- and void every link still unused, since others may have read it. A person whose invitation is voided
-- asks for a new link with "Forgot your password?".
UPDATE "OutboxMail" SET "text" = regexp_replace("text", '/password/[A-Za-z0-9_-]+', '/password/[link withheld]', 'g')
WHERE "text" ~ '/password/[A-Za-z0-9_-]+';
UPDATE "UserToken" SET "usedAt" = now() WHERE "usedAt" IS NULL;
