-- Alliances keep their own side (issue 16): secretariat accounts, the organization's side of each membership,
-- and change requests that say whose statement they are.

-- CreateEnum
CREATE TYPE "ChangeSide" AS ENUM ('INSTITUTION', 'ORGANIZATION');

-- AlterEnum
ALTER TYPE "ChangeKind" ADD VALUE 'ORGANIZATION_UPDATE';
ALTER TYPE "ChangeKind" ADD VALUE 'INSTITUTION_CREATE';

-- DropForeignKey
ALTER TABLE "ChangeRequest" DROP CONSTRAINT "ChangeRequest_institutionId_fkey";

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "side" "ChangeSide" NOT NULL DEFAULT 'INSTITUTION',
ALTER COLUMN "institutionId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "organizationEndedOn" DATE,
ADD COLUMN     "organizationEndedPrecision" "DatePrecision",
ADD COLUMN     "organizationJoinedOn" DATE,
ADD COLUMN     "organizationJoinedPrecision" "DatePrecision",
ADD COLUMN     "organizationRole" "MembershipRole",
ADD COLUMN     "organizationStatedById" TEXT,
ADD COLUMN     "organizationStatedByMember" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "organizationStatus" "MembershipStatus";

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "emailDomains" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "organizationId" TEXT;

-- CreateIndex
CREATE INDEX "ChangeRequest_organizationId_side_status_idx" ON "ChangeRequest"("organizationId", "side", "status");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationStatedById_fkey" FOREIGN KEY ("organizationStatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Triggers rather than CHECK constraints: Prisma's WebAssembly schema engine (scripts/migrate.ts check) fails on any
-- CHECK constraint when it replays migrations (as in the corrections migration).

-- A person is on one side only: a university's staff or an organization's secretariat, never both.
CREATE FUNCTION user_is_on_one_side() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."institutionId" IS NOT NULL AND NEW."organizationId" IS NOT NULL THEN
    RAISE EXCEPTION 'An account belongs to an institution or to an organization''s secretariat, not both'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "User_one_side"
  BEFORE INSERT OR UPDATE OF "institutionId", "organizationId" ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_is_on_one_side();

-- An institution's request always names its institution; an organization's always names its organization.
CREATE FUNCTION change_request_names_its_side() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."side" = 'INSTITUTION' AND NEW."institutionId" IS NULL)
     OR (NEW."side" = 'ORGANIZATION' AND NEW."organizationId" IS NULL) THEN
    RAISE EXCEPTION 'A change request names the institution or organization whose statement it is'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ChangeRequest_side_owner"
  BEFORE INSERT OR UPDATE OF "side", "institutionId", "organizationId" ON "ChangeRequest"
  FOR EACH ROW EXECUTE FUNCTION change_request_names_its_side();
