-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");
