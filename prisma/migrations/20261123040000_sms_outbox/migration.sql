-- SMS sign-in codes are queued and texted by a background worker (no sending on the request
-- path of anonymous flows), and wrong codes are logged per number over a rolling 24 hours.

-- CreateEnum
CREATE TYPE "SmsDeliveryStatus" AS ENUM ('queued', 'sending', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "SmsDelivery" (
    "id" UUID NOT NULL,
    "purpose" "ChallengePurpose" NOT NULL,
    "challengeId" UUID NOT NULL,
    "maskedPhoneNumber" TEXT NOT NULL,
    "sealedMessage" TEXT,
    "status" "SmsDeliveryStatus" NOT NULL DEFAULT 'queued',
    "failureKind" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMPTZ(3),
    "lastAttemptAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeGuessLog" (
    "key" TEXT NOT NULL,
    "guessedAt" TIMESTAMPTZ(3)[],
    "lastAdmitted" BOOLEAN NOT NULL DEFAULT false,
    "lastGuessAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CodeGuessLog_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SmsDelivery_status_nextAttemptAt_idx" ON "SmsDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SmsDelivery_createdAt_idx" ON "SmsDelivery"("createdAt");

-- CreateIndex
CREATE INDEX "CodeGuessLog_lastGuessAt_idx" ON "CodeGuessLog"("lastGuessAt");
