import type { Viewer } from "../../auth/viewer.js";
import type { RateLimiter, RateLimitRule } from "../rate-limits/rate-limiter.js";

export interface OneTimeCodeLimits {
  /** Per E.164 number (an extension reaches the same phone), once for SMS sign-in and once for signed-in flows. */
  sendsPerNumber: Pick<RateLimitRule, "limit" | "windowSeconds">;
  sendsPerUser: Pick<RateLimitRule, "limit" | "windowSeconds">;
  sendsPerAddress: Pick<RateLimitRule, "limit" | "windowSeconds">;
  verifiesPerCaller: Pick<RateLimitRule, "limit" | "windowSeconds">;
}

/**
 * Per number as the spec's example (5 per 15 minutes), for anonymous sign-in and for the owner's
 * enrolment and step-up separately; a signed-in caller a little more (several numbers); an
 * address more again, since offices share one. Wrong codes per number: code-guess-budget.ts.
 */
export const DEFAULT_ONE_TIME_CODE_LIMITS: OneTimeCodeLimits = {
  sendsPerNumber: { limit: 5, windowSeconds: 900 },
  sendsPerUser: { limit: 10, windowSeconds: 900 },
  sendsPerAddress: { limit: 20, windowSeconds: 900 },
  verifiesPerCaller: { limit: 30, windowSeconds: 900 },
};

/** Which per-number send budget a flow draws on: anyone can start SMS sign-in for any number. */
export type SendPool = "anonymous" | "signed-in";

/** Who asks for a code: the caller, and its network address for anonymous callers. */
export interface CodeCaller {
  viewer: Viewer;
  clientAddress?: string;
}

function callerKey({ viewer, clientAddress }: CodeCaller): { key: string; anonymous: boolean } {
  if (viewer.kind === "user") return { key: `user:${viewer.userId}`, anonymous: false };
  if (viewer.kind === "app") return { key: `app:${viewer.appId}`, anonymous: false };
  return { key: `address:${clientAddress ?? "unknown"}`, anonymous: true };
}

/** How often codes may be sent and tried, per caller and per number (RATE_LIMITED past it). */
export function createCodeSendLimits(deps: { rateLimiter: Pick<RateLimiter, "consume">; limits?: Partial<OneTimeCodeLimits> }) {
  const { rateLimiter } = deps;
  const limits = { ...DEFAULT_ONE_TIME_CODE_LIMITS, ...deps.limits };
  const tooManySends = { reason: "tooManySmsSends", message: "Too many codes were sent" };
  const perNumber = { ...limits.sendsPerNumber, ...tooManySends, message: "Too many codes were sent to this number" };
  const rules = {
    sendsPerNumber: {
      anonymous: { name: "sms-send:number:anonymous", ...perNumber },
      "signed-in": { name: "sms-send:number:signed-in", ...perNumber },
    } satisfies Record<SendPool, RateLimitRule>,
    sendsPerUser: { name: "sms-send:caller", ...limits.sendsPerUser, ...tooManySends },
    sendsPerAddress: { name: "sms-send:caller", ...limits.sendsPerAddress, ...tooManySends },
    verifiesPerCaller: { name: "sms-verify:caller", ...limits.verifiesPerCaller, reason: "tooManyVerifications", message: "Too many codes were tried" },
  };

  return {
    /** `e164`: the number texted, without extension, so that `ext. N` variants share its budget. */
    async limitSends(caller: CodeCaller, e164: string, pool: SendPool) {
      const { key, anonymous } = callerKey(caller);
      await rateLimiter.consume(anonymous ? rules.sendsPerAddress : rules.sendsPerUser, key);
      await rateLimiter.consume(rules.sendsPerNumber[pool], e164);
    },
    async limitVerifies(caller: CodeCaller) {
      await rateLimiter.consume(rules.verifiesPerCaller, callerKey(caller).key);
    },
  };
}

export type CodeSendLimits = ReturnType<typeof createCodeSendLimits>;
