import type { Prisma } from "../../db/database.js";
import type { ChallengeRecord, ChallengeStore, NewChallenge } from "./code-challenges.js";
import type { IssuedTokenStore } from "./challenge-tokens.js";

/** Storage of verification challenges and single-use challenge tokens. */
export function createOneTimeCodesRepository(prisma: Prisma) {
  const store: ChallengeStore & IssuedTokenStore = {
    insertChallenge: async (data: NewChallenge) => (await prisma.verificationChallenge.create({ data })) as ChallengeRecord,

    findChallengeById: async (id: string) => (await prisma.verificationChallenge.findUnique({ where: { id } })) as ChallengeRecord | null,

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
      return count === 1 ? ((await prisma.verificationChallenge.findUnique({ where: { id } })) as ChallengeRecord | null) : null;
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
  return {
    ...store,
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
