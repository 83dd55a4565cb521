-- The audit trail. "sequence" orders events and their cursors; "targetUserId" has no foreign key
-- because events outlive the users they are about.
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "activity" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorDisplayName" TEXT,
    "targetUserId" UUID,
    "targetId" TEXT,
    "clientAddress" TEXT,
    "requestId" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AuditEvent_sequence_key" ON "AuditEvent"("sequence");
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");
CREATE INDEX "AuditEvent_activity_sequence_idx" ON "AuditEvent"("activity", "sequence");
CREATE INDEX "AuditEvent_actorId_sequence_idx" ON "AuditEvent"("actorId", "sequence");
CREATE INDEX "AuditEvent_targetUserId_sequence_idx" ON "AuditEvent"("targetUserId", "sequence");
