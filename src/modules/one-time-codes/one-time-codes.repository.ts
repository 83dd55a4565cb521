import type { Prisma } from "../../db/database.js";
import type { ChallengeRecord, ChallengeStore, NewChallenge } from "./code-challenges.js";
import type { IssuedTokenStore } from "./challenge-tokens.js";
import type { GuessLogStore } from "./code-guess-budget.js";

/** An SMS to queue with a challenge: what the delivery worker needs, the code sealed. */
export interface NewSmsDelivery {
  id: string;
  maskedPhoneNumber: string;
  sealedMessage: string;
}

/** Storage of verification challenges, single-use challenge tokens and wrong-code logs. */
export function createOneTimeCodesRepository(prisma: Prisma) {
  const store: ChallengeStore & IssuedTokenStore = {
    insertChallenge: (data: NewChallenge) => prisma.verificationChallenge.create({ data }),

    findChallengeById: (id: string) => prisma.verificationChallenge.findUnique({ where: { id } }),

    async deleteChallenge(id) {
      await prisma.verificationChallenge.deleteMany({ where: { id } });
    },

    async retireLiveChallenges({ purpose, phoneNumber, userId, exceptId, now }) {
      await prisma.verificationChallenge.updateMany({
        where: { purpose, phoneNumber, consumedAt: null, id: { not: exceptId }, ...(userId !== undefined ? { userId } : {}) },
        data: { consumedAt: now },
      });
    },

    async countChallengeAttempt(id, now, maxAttempts) {
      const { count } = await prisma.verificationChallenge.updateMany({
        where: { id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
        data: { attempts: { increment: 1 } },
      });
      return count === 1 ? prisma.verificationChallenge.findUnique({ where: { id } }) : null;
    },

    async consumeChallenge(id, now) {
      const { count } = await prisma.verificationChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: now } });
      return count === 1;
    },

    insertIssuedToken: (data) => prisma.issuedToken.create({ data }),

    async consumeIssuedToken(tokenHash, kind, now) {
      const { count } = await prisma.issuedToken.updateMany({
        where: { tokenHash, kind, consumedAt: null, expiresAt: { gt: now } },
        data: { consumedAt: now },
      });
      return count === 1;
    },
  };
  const guesses: GuessLogStore = {
    /**
     * One statement: the row lock of ON CONFLICT DO UPDATE orders parallel guesses on a key, and
     * each sees the guesses committed before it. SET expressions read the row as it was.
     */
    async logGuess(key, at, since, limit) {
      const rows = await prisma.$queryRaw<{ admitted: boolean; oldest: Date | null }[]>`
        INSERT INTO "CodeGuessLog" AS log ("key", "guessedAt", "lastAdmitted", "lastGuessAt")
        VALUES (${key}, ARRAY[${at}::timestamptz(3)], ${limit > 0}, ${at}::timestamptz(3))
        ON CONFLICT ("key") DO UPDATE SET
          "lastAdmitted" = (SELECT count(*) FROM unnest(log."guessedAt") AS g(at) WHERE g.at > ${since}::timestamptz(3)) < ${limit},
          "guessedAt" = ARRAY(SELECT g.at FROM unnest(log."guessedAt") AS g(at) WHERE g.at > ${since}::timestamptz(3) ORDER BY g.at)
            || CASE WHEN (SELECT count(*) FROM unnest(log."guessedAt") AS g(at) WHERE g.at > ${since}::timestamptz(3)) < ${limit}
                 THEN ARRAY[${at}::timestamptz(3)] ELSE ARRAY[]::timestamptz(3)[] END,
          "lastGuessAt" = GREATEST(log."lastGuessAt", ${at}::timestamptz(3))
        RETURNING "lastAdmitted" AS admitted, "guessedAt"[1] AS oldest`;
      const row = rows[0]!;
      return { admitted: row.admitted, oldest: row.oldest ? new Date(row.oldest) : null };
    },

    async withdrawGuess(key, at) {
      await prisma.$executeRaw`
        UPDATE "CodeGuessLog"
        SET "guessedAt" = "guessedAt"[:array_position("guessedAt", ${at}::timestamptz(3)) - 1] || "guessedAt"[array_position("guessedAt", ${at}::timestamptz(3)) + 1:]
        WHERE "key" = ${key} AND array_position("guessedAt", ${at}::timestamptz(3)) IS NOT NULL`;
    },
  };

  return {
    ...store,
    ...guesses,

    /**
     * A sign-in challenge, the retirement of older sign-in codes for the number, and its SMS for
     * the delivery worker (which finds out whether the number is anyone's): one statement.
     */
    async insertSignInChallengeWithDelivery(challenge: NewChallenge, delivery: NewSmsDelivery, now: Date): Promise<ChallengeRecord> {
      const rows = await prisma.$queryRaw<ChallengeRecord[]>`
        WITH challenge AS (
          INSERT INTO "VerificationChallenge" ("id", "purpose", "userId", "phoneNumber", "phoneType", "codeHash", "expiresAt", "createdAt")
          VALUES (${challenge.id}::uuid, 'signIn', ${challenge.userId}::uuid, ${challenge.phoneNumber}, ${challenge.phoneType}::"PhoneType", ${challenge.codeHash}, ${challenge.expiresAt}::timestamptz(3), ${now}::timestamptz(3))
          RETURNING *
        ), retired AS (
          UPDATE "VerificationChallenge" SET "consumedAt" = ${now}::timestamptz(3)
          WHERE "purpose" = 'signIn' AND "phoneNumber" = ${challenge.phoneNumber} AND "consumedAt" IS NULL AND "id" <> ${challenge.id}::uuid
        ), queued AS (
          INSERT INTO "SmsDelivery" ("id", "purpose", "challengeId", "maskedPhoneNumber", "sealedMessage", "status", "nextAttemptAt", "expiresAt", "createdAt")
          VALUES (${delivery.id}::uuid, 'signIn', ${challenge.id}::uuid, ${delivery.maskedPhoneNumber}, ${delivery.sealedMessage}, 'queued', ${now}::timestamptz(3), ${challenge.expiresAt}::timestamptz(3), ${now}::timestamptz(3))
        )
        SELECT "id", "purpose"::text AS "purpose", "userId", "phoneNumber", "phoneType"::text AS "phoneType", "codeHash", "attempts", "expiresAt", "consumedAt" FROM challenge`;
      return rows[0]!;
    },

    /** Ties a live sign-in challenge to the user its code is about to be texted to; false when it is used, retired or expired. */
    async bindSignInChallenge(id: string, userId: string, now: Date): Promise<boolean> {
      const { count } = await prisma.verificationChallenge.updateMany({
        where: { id, purpose: "signIn", consumedAt: null, expiresAt: { gt: now }, OR: [{ userId: null }, { userId }] },
        data: { userId, phoneType: "mobile" },
      });
      return count === 1;
    },

    /** Guess logs whose last guess left the window before `before`: removes them. */
    async deleteIdleGuessLogs(before: Date): Promise<number> {
      return (await prisma.codeGuessLog.deleteMany({ where: { lastGuessAt: { lt: before } } })).count;
    },

    /** Challenges and tokens expired before `before` are of no use any more: removes them. */
    async deleteExpiredChallengesAndTokens(before: Date): Promise<number> {
      const [challenges, tokens] = await prisma.$transaction([
        prisma.verificationChallenge.deleteMany({ where: { expiresAt: { lt: before } } }),
        prisma.issuedToken.deleteMany({ where: { expiresAt: { lt: before } } }),
      ]);
      return challenges.count + tokens.count;
    },
  };
}

export type OneTimeCodesRepository = ReturnType<typeof createOneTimeCodesRepository>;
