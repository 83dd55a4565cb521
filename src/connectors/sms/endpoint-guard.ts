import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { SmsDeliveryError } from "./sms-delivery-error.js";

export interface EndpointRules {
  /**
   * Development only: also allow loopback, RFC 1918, unique-local and carrier-grade NAT
   * addresses, single-label and `localhost` names, and plain http.
   */
  allowPrivateEndpoints: boolean;
}

/** Resolves a host name to every address the connection could use (dns.lookup with `all: true` by default). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

/** Decides which gateway endpoints may be stored and connected to (issue 8, finding 5: SSRF). */
export interface EndpointGuard {
  /**
   * Save-time check of a URL and of what its host name resolves to now; a sentence saying why
   * it is refused, or undefined. A name that does not resolve is left to the send-time check.
   */
  refusalOf(url: URL): Promise<string | undefined>;
  /**
   * fetch that connects only to allowed addresses: the check runs in the socket's DNS lookup,
   * so the address checked is the address connected to (no DNS rebinding between check and use).
   * Redirects are never followed. A refusal is one SmsDeliveryError `endpointNotAllowed`,
   * thrown before any byte is sent, whatever listens (or not) at the address.
   */
  fetch: typeof fetch;
  close(): Promise<void>;
}

type AddressKind = "public" | "private" | "forbidden";

// Ranges a developer may point a local gateway stub at. Link-local (cloud metadata at
// 169.254.169.254), unspecified, multicast, reserved and translation ranges stay forbidden.
const PRIVATE_RANGES = new Set(["loopback", "private", "uniqueLocal", "carrierGradeNat"]);
// RFC 6761 / 6762 / 8375 special-use names, ICANN's private-use .internal (metadata.google.internal), and the common .localdomain.
const LOCAL_NAME = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;
const SAVE_TIME_DNS_TIMEOUT_MS = 3000;

// IANA's global unicast block; other IPv6 that ipaddr.js calls "unicast" (e.g. the deprecated
// IPv4-compatible ::a.b.c.d) is unallocated or special and never a gateway.
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

/** Classifies an IP address; IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it carries. */
export function addressKind(address: string): AddressKind {
  const version = isIP(address);
  if (version === 0) return "forbidden";
  // ipaddr.js reads "::127.0.0.1" as ::ffff:127.0.0.1 while sockets use ::7f00:1; judge the spelling sockets use.
  const canonical = version === 6 ? new URL(`http://[${address.replace(/%.*$/, "")}]/`).hostname.slice(1, -1) : address;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(canonical);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return parsed.kind() === "ipv4" || parsed.match(IPV6_GLOBAL_UNICAST) ? "public" : "forbidden";
  return PRIVATE_RANGES.has(range) ? "private" : "forbidden";
}

function isAllowedAddress(address: string, rules: EndpointRules): boolean {
  const kind = addressKind(address);
  return kind === "public" || (kind === "private" && rules.allowPrivateEndpoints);
}

/** The URL's host without IPv6 brackets or a final dot ("[::1]" -> "::1", "localhost." -> "localhost"). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

/**
 * Checks what the URL itself says. WHATWG URL parsing has already turned 2130706433,
 * 0x7f000001, 017700000001 and 127.1 into 127.0.0.1, so IP literals are judged in one spelling.
 */
function urlRefusal(url: URL, rules: EndpointRules): string | undefined {
  if (url.protocol !== "https:" && !(url.protocol === "http:" && rules.allowPrivateEndpoints)) {
    return rules.allowPrivateEndpoints ? "endpoint must be an http or https URL" : "endpoint must be an https URL";
  }
  if (url.username || url.password) return "endpoint must not embed credentials";
  const host = hostOf(url);
  if (isIP(host) !== 0) {
    return isAllowedAddress(host, rules) ? undefined : "endpoint must be on a public address (not loopback, private, link-local or reserved)";
  }
  if (!rules.allowPrivateEndpoints && (LOCAL_NAME.test(host) || !host.includes("."))) {
    return "endpoint must be a public host name (not localhost, a single-label or .local/.internal name)";
  }
  return undefined;
}

const defaultResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

function notAllowed(detail: string): SmsDeliveryError {
  return new SmsDeliveryError(`gateway endpoint not allowed: ${detail}`, "endpointNotAllowed", false);
}

/** Marks a refusal raised inside the connection so fetch's "fetch failed" can be told apart from network errors. */
class RefusedAddressError extends Error {}

export function createEndpointGuard(options: EndpointRules & { resolve?: ResolveHost }): EndpointGuard {
  const rules: EndpointRules = { allowPrivateEndpoints: options.allowPrivateEndpoints };
  const resolve = options.resolve ?? defaultResolve;

  // Every address of the name must be allowed: connecting code may pick any of them (happy eyeballs).
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const addresses = lookupOptions.family === 4 || lookupOptions.family === 6 ? found.filter((a) => a.family === lookupOptions.family) : found;
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
        } else if (!addresses.every((a) => isAllowedAddress(a.address, rules))) {
          callback(new RefusedAddressError(`${hostname} resolves to a non-public address`), []);
        } else if (lookupOptions.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
  const connectWithLookup = buildConnector({ lookup });
  // net.connect skips the lookup for IP literals, so those are judged here before connecting.
  const connect: buildConnector.connector = (target, callback) => {
    const host = target.hostname.replace(/^\[(.*)\]$/, "$1");
    if (isIP(host) !== 0 && !isAllowedAddress(host, rules)) {
      callback(new RefusedAddressError(`${host} is not a public address`), null);
      return;
    }
    connectWithLookup(target, callback);
  };
  const dispatcher = new Agent({ connect });

  const guardedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const refusal = urlRefusal(url, rules);
    if (refusal) throw notAllowed(refusal);
    let response: Response;
    try {
      // undici's own fetch with its own Agent, so the dispatcher and fetch come from one version.
      response = (await undiciFetch(url, { ...(init as object), redirect: "manual", dispatcher })) as unknown as Response;
    } catch (error) {
      const cause = error instanceof Error ? error.cause : undefined;
      if (cause instanceof RefusedAddressError) throw notAllowed(cause.message);
      throw error;
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
      await response.body?.cancel().catch(() => undefined);
      throw new SmsDeliveryError(`gateway answered with a redirect (HTTP ${response.status}), which is not followed: configure the final URL`, "gatewayMisconfigured", false);
    }
    return response;
  };

  return {
    async refusalOf(url) {
      const refusal = urlRefusal(url, rules);
      if (refusal) return refusal;
      const host = hostOf(url);
      if (isIP(host) !== 0) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((done) => {
        timer = setTimeout(done, SAVE_TIME_DNS_TIMEOUT_MS, undefined);
        timer.unref();
      });
      const addresses = await Promise.race([resolve(host).catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
      if (addresses && !addresses.every((a) => isAllowedAddress(a.address, rules))) {
        return "endpoint host name resolves to a non-public address (loopback, private, link-local or reserved)";
      }
      return undefined;
    },
    fetch: guardedFetch as typeof fetch,
    close: () => dispatcher.close(),
  };
}
