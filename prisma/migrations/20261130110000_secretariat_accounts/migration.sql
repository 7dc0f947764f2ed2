-- AlterTable
ALTER TABLE "User" ADD COLUMN     "domainVerified" BOOLEAN NOT NULL DEFAULT false;
