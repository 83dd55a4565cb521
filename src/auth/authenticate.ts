import { GraphQLError } from "graphql";
import type { DirectoryRoleName } from "../generated/prisma/enums.js";
import type { TokenService } from "./token-service.js";
import type { RequestLoaders } from "../modules/request-scope.js";
import type { Viewer } from "./viewer.js";

export interface ViewerSource {
  /** The user behind a delegated token: when its sessions were last revoked, and its roles (read into the request's loaders). */
  findUserForToken(userId: string, loaders: RequestLoaders): Promise<{ tokensValidAfter: Date; directoryRoles: DirectoryRoleName[] } | null>;
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
    const user = await deps.source.findUserForToken(claims.sub!, loaders);
    if (!user) throw unauthenticated("The token's user does not exist");
    const issuedAtMs = typeof claims.iat_ms === "number" ? claims.iat_ms : claims.iat! * 1000;
    if (issuedAtMs < user.tokensValidAfter.getTime()) throw unauthenticated("The bearer token has been revoked");
    return {
      kind: "user",
      userId: claims.sub!,
      scopes: new Set(String(claims.scp ?? "").split(" ").filter(Boolean)),
      directoryRoles: new Set(user.directoryRoles),
      tokenId: claims.jti,
      issuedAtMs,
      expiresAtMs: claims.exp! * 1000,
    };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
