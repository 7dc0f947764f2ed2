-- Staff are managers or editors of their institution (issue 15). The staff invited before roles existed were each
-- their institution's whole staff: they become its managers.
CREATE TYPE "StaffRole" AS ENUM ('MANAGER', 'EDITOR');
ALTER TABLE "User" ADD COLUMN "staffRole" "StaffRole";
UPDATE "User" SET "staffRole" = 'MANAGER' WHERE "role" = 'STAFF';
