import { GraphQLError } from "graphql";
import type { DirectoryRoleName } from "../generated/prisma/enums.js";
import type { TokenService } from "./token-service.js";
import type { RequestLoaders } from "../modules/request-scope.js";
import type { Viewer } from "./viewer.js";

export interface ViewerSource {
  /**
   * The user behind a delegated token: when its sessions were last revoked, and its roles (read
   * into the request's loaders); with a session id, that session's state in the same statement.
   */
  findUserForToken(
    userId: string,
    loaders: RequestLoaders,
    sessionId?: string,
  ): Promise<{ tokensValidAfter: Date; directoryRoles: DirectoryRoleName[]; session?: { revoked: boolean; renewedAt: Date | null } } | null>;
}

/**
 * Revoked: the token's session was ended (signed out, refresh token reused), or the user's
 * sessions were revoked after it was issued, unless the password was changed in this very
 * session since (that session is kept).
 */
function isRevoked(issuedAtMs: number, tokensValidAfter: Date, session: { revoked: boolean; renewedAt: Date | null } | undefined): boolean {
  if (session?.revoked) return true;
  if (issuedAtMs >= tokensValidAfter.getTime()) return false;
  return !(session?.renewedAt && session.renewedAt.getTime() >= tokensValidAfter.getTime());
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

/** Turns an Authorization header (or graphql-ws connectionParams value) into a Viewer. */
export function createAuthenticator(deps: { tokens: TokenService; source: ViewerSource }) {
  return async function authenticate(authorization: unknown, loaders: RequestLoaders): Promise<Viewer> {
    if (authorization === undefined || authorization === null || authorization === "") return { kind: "anonymous" };
    const match = typeof authorization === "string" ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
    if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
    let claims;
    try {
      claims = await deps.tokens.verify(match[1]!);
    } catch {
      throw unauthenticated("The bearer token is invalid or expired");
    }
    // App-only: marked so by us, or (other issuers) roles without scopes and no user marking.
    const isAppToken = claims.idtyp === "app" || (claims.idtyp === undefined && claims.scp === undefined && claims.roles !== undefined);
    if (isAppToken) {
      return { kind: "app", appId: claims.sub!, permissions: new Set(Array.isArray(claims.roles) ? claims.roles.map(String) : []), expiresAtMs: claims.exp! * 1000 };
    }
    // A sign-in's tokens share their session (sid); any other token is a session of its own (jti).
    const sessionId = typeof claims.sid === "string" ? claims.sid : typeof claims.jti === "string" ? claims.jti : undefined;
    const user = await deps.source.findUserForToken(claims.sub!, loaders, sessionId);
    if (!user) throw unauthenticated("The token's user does not exist");
    const issuedAtMs = typeof claims.iat_ms === "number" ? claims.iat_ms : claims.iat! * 1000;
    if (isRevoked(issuedAtMs, user.tokensValidAfter, user.session)) throw unauthenticated("The bearer token has been revoked");
    return {
      kind: "user",
      userId: claims.sub!,
      scopes: new Set(String(claims.scp ?? "").split(" ").filter(Boolean)),
      directoryRoles: new Set(user.directoryRoles),
      tokenId: claims.jti,
      sessionId,
      issuedAtMs,
      expiresAtMs: claims.exp! * 1000,
    };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
