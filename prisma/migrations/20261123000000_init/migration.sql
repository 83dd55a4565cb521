-- CreateEnum
CREATE TYPE "DirectoryRoleName" AS ENUM ('GLOBAL_ADMINISTRATOR', 'PRIVILEGED_AUTHENTICATION_ADMINISTRATOR', 'AUTHENTICATION_ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "PhoneType" AS ENUM ('mobile', 'alternateMobile', 'office');

-- CreateEnum
CREATE TYPE "OperationStatus" AS ENUM ('notStarted', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "SmsProvider" AS ENUM ('console', 'webhook', 'twilio');

-- CreateEnum
CREATE TYPE "ChallengePurpose" AS ENUM ('phoneVerification', 'stepUp', 'signIn');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "userPrincipalName" TEXT NOT NULL,
    "displayName" TEXT,
    "passwordHash" TEXT,
    "passwordChangedAt" TIMESTAMPTZ(3),
    "tokensValidAfter" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectoryRoleAssignment" (
    "userId" UUID NOT NULL,
    "role" "DirectoryRoleName" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectoryRoleAssignment_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "PhoneMethod" (
    "userId" UUID NOT NULL,
    "phoneType" "PhoneType" NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "smsSignInEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneMethod_pkey" PRIMARY KEY ("userId","phoneType")
);

-- CreateTable
CREATE TABLE "AuthenticationMethodConfiguration" (
    "id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthenticationMethodConfiguration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthenticationMethodTarget" (
    "configurationId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "isUsableForSignIn" BOOLEAN NOT NULL,

    CONSTRAINT "AuthenticationMethodTarget_pkey" PRIMARY KEY ("configurationId","targetType","targetId")
);

-- CreateTable
CREATE TABLE "Operation" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "OperationStatus" NOT NULL DEFAULT 'notStarted',
    "statusDetail" TEXT,
    "resourceLocation" TEXT,
    "payload" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActionAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsGatewayAccount" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "provider" "SmsProvider" NOT NULL,
    "endpoint" TEXT,
    "senderId" TEXT,
    "sealedCredentials" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsGatewayAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityStore" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordEnabled" BOOLEAN NOT NULL DEFAULT true,
    "smsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "smsGatewayAccountId" UUID,
    "smsMessageTemplate" TEXT NOT NULL DEFAULT 'Your verification code is [Code]',

    CONSTRAINT "IdentityStore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityRole" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enforcePassword" BOOLEAN NOT NULL DEFAULT false,
    "enforceSms" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SecurityRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityRoleMember" (
    "securityRoleId" TEXT NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "SecurityRoleMember_pkey" PRIMARY KEY ("securityRoleId","userId")
);

-- CreateTable
CREATE TABLE "VerificationChallenge" (
    "id" UUID NOT NULL,
    "purpose" "ChallengePurpose" NOT NULL,
    "userId" UUID,
    "phoneNumber" TEXT NOT NULL,
    "phoneType" "PhoneType",
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedToken" (
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" UUID,
    "subject" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "windowEnd" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_userPrincipalName_key" ON "User"("userPrincipalName");

-- CreateIndex
CREATE INDEX "PhoneMethod_phoneNumber_idx" ON "PhoneMethod"("phoneNumber");

-- CreateIndex
CREATE INDEX "Operation_userId_createdAt_idx" ON "Operation"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Operation_status_claimedUntil_idx" ON "Operation"("status", "claimedUntil");

-- CreateIndex
CREATE UNIQUE INDEX "SmsGatewayAccount_name_key" ON "SmsGatewayAccount"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityStore_name_key" ON "IdentityStore"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SecurityRole_name_key" ON "SecurityRole"("name");

-- CreateIndex
CREATE INDEX "VerificationChallenge_purpose_phoneNumber_idx" ON "VerificationChallenge"("purpose", "phoneNumber");

-- CreateIndex
CREATE INDEX "VerificationChallenge_userId_idx" ON "VerificationChallenge"("userId");

-- AddForeignKey
ALTER TABLE "DirectoryRoleAssignment" ADD CONSTRAINT "DirectoryRoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneMethod" ADD CONSTRAINT "PhoneMethod_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthenticationMethodTarget" ADD CONSTRAINT "AuthenticationMethodTarget_configurationId_fkey" FOREIGN KEY ("configurationId") REFERENCES "AuthenticationMethodConfiguration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Operation" ADD CONSTRAINT "Operation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityStore" ADD CONSTRAINT "IdentityStore_smsGatewayAccountId_fkey" FOREIGN KEY ("smsGatewayAccountId") REFERENCES "SmsGatewayAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityRoleMember" ADD CONSTRAINT "SecurityRoleMember_securityRoleId_fkey" FOREIGN KEY ("securityRoleId") REFERENCES "SecurityRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityRoleMember" ADD CONSTRAINT "SecurityRoleMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationChallenge" ADD CONSTRAINT "VerificationChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not expressible in schema.prisma: an SMS sign-in number belongs to one user at most, even
-- under concurrent enables (the service maps a violation to CONFLICT phoneNumberNotUnique).
CREATE UNIQUE INDEX "PhoneMethod_smsSignIn_phoneNumber_key" ON "PhoneMethod"("phoneNumber") WHERE "smsSignInEnabled";

-- Only one default SMS gateway account.
CREATE UNIQUE INDEX "SmsGatewayAccount_single_default_key" ON "SmsGatewayAccount"("isDefault") WHERE "isDefault";

-- At most one live challenge per purpose and number: a new one retires the older.
CREATE INDEX "VerificationChallenge_live_idx" ON "VerificationChallenge"("purpose", "phoneNumber") WHERE "consumedAt" IS NULL;
