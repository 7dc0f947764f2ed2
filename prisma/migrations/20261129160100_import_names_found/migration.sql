-- AlterTable
ALTER TABLE "ImportDraft" ADD COLUMN     "namesFound" INTEGER NOT NULL DEFAULT 0;
