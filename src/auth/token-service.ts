import { webcrypto } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import type { Clock } from "../lib/clock.js";
import { createLruCache } from "../lib/lru-cache.js";

export interface AccessTokenClaims extends JWTPayload {
  /** Space-separated delegated scopes. */
  scp?: string;
  /** Application permissions (app-only tokens). */
  roles?: string[];
  /** Issue time in milliseconds: lets revocation be exact within the second. */
  iat_ms?: number;
  idtyp?: "user" | "app";
  /** The session (refresh-token family) a user's token belongs to: revoking it revokes the token. */
  sid?: string;
}

export interface IssueTokenInput {
  subject: string;
  scopes?: string[];
  roles?: string[];
  app?: boolean;
  ttlSeconds?: number;
  /** The sign-in session the token belongs to (`sid`). */
  sessionId?: string;
}

export interface TokenService {
  /** Lifetime of an issued token unless `ttlSeconds` says otherwise. */
  readonly defaultTtlSeconds: number;
  issue(input: IssueTokenInput): Promise<{ token: string; expiresIn: number }>;
  verify(token: string): Promise<AccessTokenClaims>;
}

export interface TokenServiceOptions {
  secret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  clock: Clock;
}

const VERIFIED_TOKENS = 10_000;
const MAX_CACHED_TOKEN_LENGTH = 4096;

/** Signs (HS256, dev) and verifies (HS256 or a JWKS) bearer tokens: signature, exp, nbf, iss, aud. */
export function createTokenService(options: TokenServiceOptions): TokenService {
  // A CryptoKey made once: given bytes or a KeyObject, jose imports the key on every sign and verify.
  const secret = options.secret
    ? webcrypto.subtle.importKey("raw", Buffer.from(options.secret, "utf8"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"])
    : undefined;
  /** Tokens verified before. */
  const verified = createLruCache<string, AccessTokenClaims>(VERIFIED_TOKENS);
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;

  return {
    defaultTtlSeconds: options.ttlSeconds,
    async issue(input) {
      if (!secret) throw new Error("This server verifies tokens from a JWKS and cannot issue its own");
      const nowMs = options.clock.now().getTime();
      const ttl = input.ttlSeconds ?? options.ttlSeconds;
      const claims: AccessTokenClaims = { iat_ms: nowMs, idtyp: input.app ? "app" : "user" };
      if (input.app) claims.roles = input.roles ?? [];
      else {
        claims.scp = (input.scopes ?? []).join(" ");
        // Carried for clients that display it; the server takes a user's roles from the directory.
        if (input.roles?.length) claims.roles = input.roles;
        if (input.sessionId) claims.sid = input.sessionId;
      }
      const iat = Math.floor(nowMs / 1000);
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(input.subject)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + ttl)
        .setJti(randomUUID())
        .sign(await secret);
      return { token, expiresIn: ttl };
    },
    async verify(token) {
      // A token's signature and fixed claims can't change: one verified before is only checked
      // for time again. (Revocation is the authenticator's: it reads the user every time.)
      const known = verified.get(token);
      if (known) {
        const nowSeconds = options.clock.now().getTime() / 1000;
        if (known.exp! > nowSeconds && (known.nbf ?? 0) <= nowSeconds) return known;
        verified.delete(token);
      }
      const claims = await verifySignatureAndClaims(token);
      if (token.length <= MAX_CACHED_TOKEN_LENGTH) verified.set(token, claims);
      return claims;
    },
  };

  async function verifySignatureAndClaims(token: string): Promise<AccessTokenClaims> {
    const verifyOptions = {
      issuer: options.issuer,
      audience: options.audience,
      currentDate: options.clock.now(),
      requiredClaims: ["sub", "exp", "iat"],
    };
    if (jwks) return (await jwtVerify(token, jwks, verifyOptions)).payload as AccessTokenClaims;
    return (await jwtVerify(token, await secret!, { ...verifyOptions, algorithms: ["HS256"] })).payload as AccessTokenClaims;
  }
}
