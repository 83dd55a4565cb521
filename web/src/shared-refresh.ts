import { getSession, signedIn, type Session } from "./session.js";

// Tabs of one session (a duplicated tab copies sessionStorage, refresh token included) must not
// each trade the same refresh token: the second trade looks like a stolen token being replayed,
// and the API ends the session. So tabs take turns (a Web Lock), and the tab that traded hands
// the new tokens to the others: in localStorage for a tab already waiting its turn (read as soon
// as it gets the lock, then removed), and by a BroadcastChannel message for the rest.

const LOCK = "authgate.refresh";
const HANDOFF = "authgate.refreshed:";
/** How long a handed-off session waits for the other tabs in localStorage. */
const HANDOFF_MS = 30_000;
/** How long the tab that traded keeps its turn after handing the new tokens over. */
const HANDOFF_SETTLE_MS = 300;
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("authgate.session") : undefined;

interface Handoff {
  /** SHA-256 of the refresh token the new session replaces (the token itself is never a key). */
  replaces: string;
  session: Session;
  at: number;
}

async function digest(token: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function takeHandoff(replaces: string): Session | null {
  const key = HANDOFF + replaces;
  const stored = localStorage.getItem(key);
  if (!stored) return null;
  try {
    const handoff = JSON.parse(stored) as Handoff;
    return Date.now() - handoff.at < HANDOFF_MS ? handoff.session : null;
  } catch {
    return null;
  }
}

/** Handoffs left behind by a tab closed before it could remove them. */
function sweepHandoffs() {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (!key?.startsWith(HANDOFF)) continue;
    try {
      if (Date.now() - (JSON.parse(localStorage.getItem(key) ?? "{}") as Handoff).at < HANDOFF_MS) continue;
    } catch {
      // Unreadable: removed.
    }
    localStorage.removeItem(key);
  }
}
sweepHandoffs();

// Another tab traded the refresh token this tab holds: take its new session.
channel?.addEventListener("message", (event: MessageEvent<Handoff>) => {
  const current = getSession();
  if (!current?.refreshToken) return;
  void digest(current.refreshToken).then((held) => {
    if (held === event.data.replaces && getSession() === current) signedIn(event.data.session);
  });
});

/**
 * Renews `session` with `trade` (the refreshAccessToken call), unless another tab of the same
 * session already did: then its new session. Null when the session can't be renewed.
 */
export async function refreshSharedSession(session: Session, trade: (refreshToken: string) => Promise<Session | null>): Promise<Session | null> {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return null;
  const replaces = await digest(refreshToken);
  let traded = false;
  const turn = async (): Promise<Session | null> => {
    const handedOff = takeHandoff(replaces);
    if (handedOff) return handedOff;
    // Another tab's message got here first (its localStorage write may not have).
    const current = getSession();
    if (current?.refreshToken && current.refreshToken !== refreshToken) return current;
    const next = await trade(refreshToken);
    if (!next) return null;
    const handoff: Handoff = { replaces, session: next, at: Date.now() };
    localStorage.setItem(HANDOFF + replaces, JSON.stringify(handoff));
    setTimeout(() => localStorage.removeItem(HANDOFF + replaces), HANDOFF_MS);
    channel?.postMessage(handoff);
    traded = true;
    return next;
  };
  const locks = navigator.locks;
  if (!locks) return turn();
  // The new session is this tab's at once, but a tab that traded keeps its turn a moment longer:
  // localStorage and messages reach a browser's other processes asynchronously, and a tab waiting
  // its turn must see them when it gets it.
  return new Promise<Session | null>((resolve, reject) => {
    locks
      .request(LOCK, async () => {
        resolve(await turn());
        if (traded) await new Promise((settled) => setTimeout(settled, HANDOFF_SETTLE_MS));
      })
      .catch(reject);
  });
}
