import { createHash, randomBytes, randomUUID } from "node:crypto";
import { requireSignedInUser } from "../../auth/permissions.js";
import type { TokenService } from "../../auth/token-service.js";
import { DomainError } from "../../errors/domain-error.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";
import type { AuditActor, AuditEventInput, AuditOrigin, AuditTrail } from "../audit/audit-trail.js";
import type { RequestScope } from "../request-scope.js";
import type { SessionsRepository } from "./sessions.repository.js";

/** What a user gets when a session starts or is refreshed. */
export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  grantedScopes: string[];
}

const MAX_REFRESH_TOKEN_LENGTH = 256;
// 256 random bits: sha-256 alone is enough to keep such a secret (no dictionary to try).
const newRefreshToken = () => randomBytes(32).toString("base64url");
const hashRefreshToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

const userActor = (userId: string): AuditActor => ({ type: "user", id: userId, displayName: null });

const refused = () => new DomainError("UNAUTHENTICATED", "The refresh token is invalid or expired");

/**
 * Sign-in sessions: each is a family of refresh tokens (opaque, stored as hashes, rotated on
 * every use) whose access tokens carry its id (`sid`). A refresh token used twice ends its whole
 * session; signing out ends the caller's; a password change or reset ends the user's others.
 * Ended sessions are checked on every request by the statement that reads the caller.
 */
export function createSessionsService(deps: {
  repo: SessionsRepository;
  audit: Pick<AuditTrail, "transaction" | "record">;
  tokens: TokenService;
  clock: Clock;
  events: Pick<EventBus, "publish">;
  logger: Logger;
  refreshTokenTtlSeconds: number;
  /** A session ends this long after its sign-in, however often it is refreshed: then the password again. */
  sessionMaxSeconds: number;
}) {
  const { repo, audit, tokens, clock, events, logger, refreshTokenTtlSeconds, sessionMaxSeconds } = deps;
  const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);
  const secondsBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 1000);

  /** An access token of the session, never outliving it (`endsAt`). */
  async function issueAccessToken(userId: string, sessionId: string, scopes: string[], endsAt: Date) {
    const { token, expiresIn } = await tokens.issue({ subject: userId, scopes, sessionId, ttlSeconds: cappedTtl(tokens.defaultTtlSeconds, endsAt) });
    return { accessToken: token, expiresIn };
  }
  const cappedTtl = (seconds: number, endsAt: Date) => Math.max(1, Math.min(seconds, secondsBetween(clock.now(), endsAt)));

  /** Starts a session for a user who just signed in: an access token and the first refresh token. */
  async function startSession(userId: string, scopes: string[]): Promise<SessionTokens> {
    const sessionId = randomUUID();
    const now = clock.now();
    const endsAt = later(now, sessionMaxSeconds);
    const access = await issueAccessToken(userId, sessionId, scopes, endsAt);
    const refreshToken = newRefreshToken();
    const refreshTtl = cappedTtl(refreshTokenTtlSeconds, endsAt);
    const refreshExpiresAt = later(now, refreshTtl);
    const sessionExpiresAt = later(now, Math.max(refreshTtl, access.expiresIn));
    await repo.createSessionWithRefreshToken(
      { id: sessionId, userId, expiresAt: sessionExpiresAt, createdAt: now },
      { tokenHash: hashRefreshToken(refreshToken), sessionId, userId, scopes, expiresAt: refreshExpiresAt, createdAt: now },
    );
    return { ...access, refreshToken, grantedScopes: scopes };
  }

  /**
   * Ends one session, recorded: its tokens are refused from now on, and its open sockets close,
   * on every instance (once the change commits).
   */
  async function endSession(session: { id: string; userId: string; expiresAt: Date }, record: Omit<AuditEventInput, "targetUserId" | "targetId">) {
    await audit.transaction(async (tx) => {
      await repo.revokeSession(session, clock.now());
      await audit.record(tx, { ...record, targetUserId: session.userId, targetId: session.id });
      await events.publish("sessionEnded", { userId: session.userId, sessionId: session.id });
    });
  }

  /**
   * Trades a refresh token for a new access token with the same scopes and a new refresh token.
   * A token already used is a sign that it leaked: its session ends (every token of it).
   * Expired, unknown and revoked tokens all get the same answer.
   */
  async function refreshAccessToken(origin: AuditOrigin, refreshToken: string): Promise<SessionTokens> {
    if (refreshToken.length === 0 || refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) throw refused();
    const tokenHash = hashRefreshToken(refreshToken);
    const now = clock.now();
    // The old token is used, the new one stored and the refresh recorded together, or none of it.
    const rotated = await audit.transaction(async (tx) => {
      // Sessions that began longer ago than their lifetime are refused like expired tokens.
      const consumed = await repo.consumeRefreshToken(tokenHash, now, later(now, -sessionMaxSeconds));
      if (!consumed) return null;
      const { sessionId, userId, scopes } = consumed;
      const endsAt = later(consumed.sessionCreatedAt, sessionMaxSeconds);
      const access = await issueAccessToken(userId, sessionId, scopes, endsAt);
      const next = newRefreshToken();
      const refreshTtl = cappedTtl(refreshTokenTtlSeconds, endsAt);
      await repo.addRefreshToken(
        { tokenHash: hashRefreshToken(next), sessionId, userId, scopes, expiresAt: later(now, refreshTtl), createdAt: now },
        later(now, Math.max(refreshTtl, access.expiresIn)),
      );
      await audit.record(tx, { origin, actor: userActor(userId), activity: "session.refreshed", targetUserId: userId, targetId: sessionId });
      return { ...access, refreshToken: next, grantedScopes: scopes };
    });
    if (rotated) return rotated;
    const stored = await repo.findRefreshToken(tokenHash);
    if (stored?.usedAt) {
      logger.warn({ userId: stored.userId, sessionId: stored.sessionId }, "refresh token reused: its session is revoked");
      await endSession({ id: stored.sessionId, userId: stored.userId, expiresAt: now }, { origin, activity: "session.refreshReuseDetected", outcome: "failure" });
    }
    throw refused();
  }

  /** The caller's session: a sign-in's (`sid`), or the token alone (its `jti`) for tokens issued otherwise. */
  function currentSession(scope: RequestScope) {
    const { viewer } = scope;
    requireSignedInUser(viewer);
    if (!viewer.sessionId) {
      throw new DomainError("PRECONDITION_FAILED", "This token has no id, so it can't be signed out on its own", { reason: "tokenNotRevocable" });
    }
    const expiresAt = new Date(Math.max(viewer.expiresAtMs ?? 0, clock.now().getTime()));
    return { id: viewer.sessionId, userId: viewer.userId, expiresAt };
  }

  /** Signs the caller out: the token, the session it belongs to and its refresh tokens are revoked. */
  async function signOut(scope: RequestScope): Promise<boolean> {
    await endSession(currentSession(scope), { origin: scope, activity: "session.signedOut" });
    return true;
  }

  /**
   * Keeps the caller's session across a revocation of the user's sessions at `at` (a password
   * change). Call it before that revocation, so the caller's token is never refused in between.
   */
  async function keepCurrentSession(scope: RequestScope, at: Date): Promise<string> {
    const session = currentSession(scope);
    await repo.renewSession(session, at);
    return session.id;
  }

  /**
   * Ends the user's sessions (refresh tokens included) but `exceptSessionId`; the user's
   * `tokensValidAfter` covers access tokens without a session. Open sockets close everywhere.
   */
  async function revokeSessionsOfUser(userId: string, at: Date, exceptSessionId?: string) {
    await repo.revokeSessionsOfUser(userId, at, exceptSessionId ?? null);
    await events.publish("sessionsRevoked", { userId, revokedBefore: at.toISOString(), ...(exceptSessionId ? { exceptSessionId } : {}) });
  }

  return { startSession, refreshAccessToken, signOut, keepCurrentSession, revokeSessionsOfUser };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
