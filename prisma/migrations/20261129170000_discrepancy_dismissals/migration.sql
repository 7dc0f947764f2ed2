-- CreateEnum
CREATE TYPE "DiscrepancyKind" AS ENUM ('COUNT_GAP', 'JOINED_BEFORE_FOUNDED', 'ONLY_INSTITUTION', 'FOUNDER_NOT_MEMBER', 'NOT_CONFIRMED_BY_INSTITUTION', 'DUPLICATE_INSTITUTIONS', 'DUPLICATE_ORGANIZATIONS');

-- CreateTable
CREATE TABLE "DiscrepancyDismissal" (
    "id" TEXT NOT NULL,
    "kind" "DiscrepancyKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissedById" TEXT NOT NULL,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscrepancyDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DiscrepancyDismissal_kind_subject_key" ON "DiscrepancyDismissal"("kind", "subject");

-- AddForeignKey
ALTER TABLE "DiscrepancyDismissal" ADD CONSTRAINT "DiscrepancyDismissal_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
