-- Notices to users when their authentication methods change (OWASP ASVS 5.0 6.3.7): switched on
-- per identity store and kind, and texted through the SMS queue, which now carries more than codes.

-- AlterEnum (PostgreSQL 12+ allows this in a transaction; nothing here uses the new value)
ALTER TYPE "ChallengePurpose" ADD VALUE 'notice';

-- AlterTable
ALTER TABLE "SmsDelivery" ALTER COLUMN "challengeId" DROP NOT NULL;

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('phoneAdded', 'phoneRemoved', 'phoneChanged', 'smsSignInEnabled', 'passwordReset', 'passwordChanged');

-- CreateTable
CREATE TABLE "IdentityStoreNotice" (
    "identityStoreId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "template" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityStoreNotice_pkey" PRIMARY KEY ("identityStoreId", "kind")
);

-- CreateIndex
CREATE INDEX "IdentityStoreNotice_kind_enabled_idx" ON "IdentityStoreNotice"("kind", "enabled");

-- AddForeignKey
ALTER TABLE "IdentityStoreNotice" ADD CONSTRAINT "IdentityStoreNotice_identityStoreId_fkey" FOREIGN KEY ("identityStoreId") REFERENCES "IdentityStore"("id") ON DELETE CASCADE ON UPDATE CASCADE;
