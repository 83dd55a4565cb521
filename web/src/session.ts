import { useSyncExternalStore } from "react";

/** What the console keeps about the signed-in user: in sessionStorage only (never a cookie the API would accept). */
export interface Session {
  accessToken: string;
  /** Traded for new tokens shortly before accessToken expires (each refresh token works once). */
  refreshToken?: string | null;
  grantedScopes: string[];
  /** Seconds since the epoch when the token stops working. */
  expiresAt: number;
  /** What the user must do next, e.g. "registerSms". */
  requiredActions: string[];
  /** Seconds the last refreshed access token was given. */
  lifetime?: number;
  /** The last refresh gave a shorter token than the one before: the session ends with it (SESSION_MAX_SECONDS), so no more refreshes. */
  final?: boolean;
}

const KEY = "authgate.session";
const listeners = new Set<() => void>();
let current: Session | null = read();

/** The access token's time is up (a refresh token may still renew the session). */
export function isExpired(session: Session): boolean {
  return session.expiresAt <= Date.now() / 1000;
}

/** A session found at load: kept while its access token works, or while a refresh token can renew it. */
function read(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Session | null;
    return session && (!isExpired(session) || session.refreshToken) ? session : null;
  } catch {
    return null;
  }
}

export function signedIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  current = session;
  listeners.forEach((listener) => listener());
}

/** Signing out drops the token: the page forgets it and every socket opened with it is closed. */
export function signOut(): void {
  sessionStorage.removeItem(KEY);
  current = null;
  listeners.forEach((listener) => listener());
}

export const getSession = () => current;

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** The scopes the console asks for: the server grants those the user's directory roles permit. */
export const REQUESTED_SCOPES = [
  "UserAuthenticationMethod.ReadWrite",
  "UserAuthenticationMethod.ReadWrite.All",
  "Policy.ReadWrite.AuthenticationMethod",
];
