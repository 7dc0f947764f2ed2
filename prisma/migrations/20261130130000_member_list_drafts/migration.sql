-- CreateTable
CREATE TABLE "MemberListDraft" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "sourceTitle" TEXT,
    "defaultRole" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "defaultJoined" TEXT,
    "rows" JSONB NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberListDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MemberListDraft_organizationId_createdAt_idx" ON "MemberListDraft"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "MemberListDraft" ADD CONSTRAINT "MemberListDraft_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberListDraft" ADD CONSTRAINT "MemberListDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
