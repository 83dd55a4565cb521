import { createSecretKey } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import type { Clock } from "../lib/clock.js";

export interface AccessTokenClaims extends JWTPayload {
  /** Space-separated delegated scopes. */
  scp?: string;
  /** Application permissions (app-only tokens). */
  roles?: string[];
  /** Issue time in milliseconds: lets revocation be exact within the second. */
  iat_ms?: number;
  idtyp?: "user" | "app";
}

export interface IssueTokenInput {
  subject: string;
  scopes?: string[];
  roles?: string[];
  app?: boolean;
  ttlSeconds?: number;
}

export interface TokenService {
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

/** Signs (HS256, dev) and verifies (HS256 or a JWKS) bearer tokens: signature, exp, nbf, iss, aud. */
export function createTokenService(options: TokenServiceOptions): TokenService {
  // A KeyObject made once: given bytes, jose imports the key again on every sign and verify.
  const secret = options.secret ? createSecretKey(Buffer.from(options.secret, "utf8")) : undefined;
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;

  return {
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
        .sign(secret);
      return { token, expiresIn: ttl };
    },
    async verify(token) {
      const verifyOptions = {
        issuer: options.issuer,
        audience: options.audience,
        currentDate: options.clock.now(),
        requiredClaims: ["sub", "exp", "iat"],
      };
      if (jwks) return (await jwtVerify(token, jwks, verifyOptions)).payload as AccessTokenClaims;
      return (await jwtVerify(token, secret!, { ...verifyOptions, algorithms: ["HS256"] })).payload as AccessTokenClaims;
    },
  };
}
