-- SMS pumping defence per identity store: an allow list of destination countries (calling
-- codes; empty = every country) and daily caps per destination country and per number prefix.

-- AlterTable
ALTER TABLE "IdentityStore" ADD COLUMN     "smsAllowedCountryCallingCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "smsDailyLimitPerCountry" INTEGER NOT NULL DEFAULT 1000,
ADD COLUMN     "smsDailyLimitPerPrefix" INTEGER NOT NULL DEFAULT 50;
