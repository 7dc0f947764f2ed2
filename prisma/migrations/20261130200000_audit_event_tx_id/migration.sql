-- Existing rows all take the id of this migration's transaction: among them the changes feed falls back to id order.
-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "txId" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint;

-- CreateIndex
CREATE INDEX "AuditEvent_txId_id_idx" ON "AuditEvent"("txId", "id");
