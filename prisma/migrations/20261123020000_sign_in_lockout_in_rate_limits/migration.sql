-- Password sign-in failures are counted per sign-in name in "RateLimitBucket" (so a lockout
-- looks the same whether or not the user exists): the per-user counters go.

-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedSignIns",
DROP COLUMN "lockedUntil";
