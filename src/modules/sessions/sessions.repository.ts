import type { Prisma } from "../../db/database.js";

/** What a refresh token that was just marked used tells about its session. */
export interface ConsumedRefreshToken {
  sessionId: string;
  userId: string;
  scopes: string[];
  /** When the session began (its sign-in): sessions end a fixed time after it, however often refreshed. */
  sessionCreatedAt: Date;
}

/** A refresh token as stored (its hash only), to tell reuse from an unknown or expired token. */
export interface StoredRefreshToken {
  sessionId: string;
  userId: string;
  usedAt: Date | null;
}

export interface NewRefreshToken {
  tokenHash: string;
  sessionId: string;
  userId: string;
  scopes: string[];
  expiresAt: Date;
  createdAt: Date;
}

/** Storage of sessions (refresh-token families, and single tokens signed out or kept) and refresh tokens. */
export function createSessionsRepository(prisma: Prisma) {
  return {
    /** A new session with its first refresh token. */
    createSessionWithRefreshToken: (session: { id: string; userId: string; expiresAt: Date; createdAt: Date }, token: NewRefreshToken) =>
      prisma.$transaction([prisma.session.create({ data: session }), prisma.refreshToken.create({ data: token })]),

    /**
     * Marks an unused, unexpired refresh token of a live session that began after `sessionsSince`
     * used, in one conditional UPDATE: of parallel uses exactly one gets the row, the others see
     * it used (reuse).
     */
    consumeRefreshToken: async (tokenHash: string, now: Date, sessionsSince: Date): Promise<ConsumedRefreshToken | null> =>
      (
        await prisma.$queryRaw<ConsumedRefreshToken[]>`UPDATE "RefreshToken" t SET "usedAt" = ${now}::timestamptz(3)
          FROM "Session" s
          WHERE t."tokenHash" = ${tokenHash} AND t."usedAt" IS NULL AND t."revokedAt" IS NULL AND t."expiresAt" > ${now}::timestamptz(3)
            AND s."id" = t."sessionId" AND s."revokedAt" IS NULL AND s."createdAt" > ${sessionsSince}::timestamptz(3)
          RETURNING t."sessionId", t."userId", t."scopes", s."createdAt" AS "sessionCreatedAt"`
      )[0] ?? null,

    findRefreshToken: (tokenHash: string): Promise<StoredRefreshToken | null> =>
      prisma.refreshToken.findUnique({ where: { tokenHash }, select: { sessionId: true, userId: true, usedAt: true } }),

    /** The next refresh token of a session, which then lasts at least until `sessionExpiresAt`. */
    addRefreshToken: (token: NewRefreshToken, sessionExpiresAt: Date) =>
      prisma.$transaction([
        prisma.refreshToken.create({ data: token }),
        prisma.$executeRaw`UPDATE "Session" SET "expiresAt" = GREATEST("expiresAt", ${sessionExpiresAt}::timestamptz(3)) WHERE "id" = ${token.sessionId}`,
      ]),

    /**
     * Ends a session (creating its row for a token that had none), and marks its refresh tokens
     * revoked. A session id of another user's is left alone.
     */
    revokeSession: (session: { id: string; userId: string; expiresAt: Date }, now: Date) =>
      prisma.$executeRaw`WITH ended AS (
          INSERT INTO "Session" ("id", "userId", "revokedAt", "expiresAt", "createdAt")
          VALUES (${session.id}, ${session.userId}::uuid, ${now}::timestamptz(3), ${session.expiresAt}::timestamptz(3), ${now}::timestamptz(3))
          ON CONFLICT ("id") DO UPDATE SET "revokedAt" = COALESCE("Session"."revokedAt", EXCLUDED."revokedAt"),
            "expiresAt" = GREATEST("Session"."expiresAt", EXCLUDED."expiresAt")
          WHERE "Session"."userId" = EXCLUDED."userId"
          RETURNING "id")
        UPDATE "RefreshToken" SET "revokedAt" = ${now}::timestamptz(3)
        WHERE "sessionId" IN (SELECT "id" FROM ended) AND "revokedAt" IS NULL`,

    /** Keeps a session's tokens valid across the user's revocation at `at` (its row made for a token that had none). */
    renewSession: (session: { id: string; userId: string; expiresAt: Date }, at: Date) =>
      prisma.$executeRaw`INSERT INTO "Session" ("id", "userId", "renewedAt", "expiresAt", "createdAt")
        VALUES (${session.id}, ${session.userId}::uuid, ${at}::timestamptz(3), ${session.expiresAt}::timestamptz(3), ${at}::timestamptz(3))
        ON CONFLICT ("id") DO UPDATE SET "renewedAt" = EXCLUDED."renewedAt", "expiresAt" = GREATEST("Session"."expiresAt", EXCLUDED."expiresAt")
        WHERE "Session"."userId" = EXCLUDED."userId"`,

    /** Ends every session of the user but `exceptSessionId`, and revokes their refresh tokens. */
    revokeSessionsOfUser: (userId: string, now: Date, exceptSessionId: string | null) =>
      // One statement (a password reset waits on it): both updates see the same snapshot.
      prisma.$executeRaw`WITH "ended" AS (
          UPDATE "Session" SET "revokedAt" = ${now}::timestamptz(3)
          WHERE "userId" = ${userId}::uuid AND "revokedAt" IS NULL AND (${exceptSessionId}::text IS NULL OR "id" <> ${exceptSessionId}::text))
        UPDATE "RefreshToken" SET "revokedAt" = ${now}::timestamptz(3)
          WHERE "userId" = ${userId}::uuid AND "revokedAt" IS NULL AND (${exceptSessionId}::text IS NULL OR "sessionId" <> ${exceptSessionId}::text)`,

    /** Sessions none of whose tokens can be valid any more (their refresh tokens go with them), and expired refresh tokens. */
    async deleteEndedSessions(before: Date): Promise<number> {
      const [tokens, sessions] = await prisma.$transaction([
        prisma.refreshToken.deleteMany({ where: { expiresAt: { lt: before } } }),
        prisma.session.deleteMany({ where: { expiresAt: { lt: before } } }),
      ]);
      return tokens.count + sessions.count;
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
