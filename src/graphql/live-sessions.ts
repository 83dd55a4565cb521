import type { WebSocket } from "ws";
import type { Viewer } from "../auth/viewer.js";
import type { EventBus } from "../events/event-bus.js";
import type { Clock } from "../lib/clock.js";

// graphql-ws's own code for "not authorised": clients treat it as final and don't retry.
const UNAUTHORIZED = 4401;

/**
 * WebSocket connections are sessions too: one ends when its token expires, and when the user's
 * sessions are revoked (password reset) every connection authenticated before that instant is
 * closed, on every server instance (the event travels over the EventBus).
 */
export function createLiveSessions(events: EventBus, clock: Clock) {
  const byUser = new Map<string, Set<{ socket: WebSocket; issuedAtMs: number }>>();
  const revocations = events.subscribe("sessionsRevoked");

  void (async () => {
    for await (const { userId, revokedBefore } of revocations) {
      const cutoff = new Date(revokedBefore).getTime();
      for (const session of byUser.get(userId) ?? []) {
        if (session.issuedAtMs < cutoff) session.socket.close(UNAUTHORIZED, "Session revoked");
      }
    }
  })();

  return {
    track(socket: WebSocket, viewer: Viewer) {
      if (viewer.kind === "anonymous") return;
      if (viewer.expiresAtMs !== undefined) {
        const expiry = setTimeout(() => socket.close(UNAUTHORIZED, "Token expired"), Math.max(0, viewer.expiresAtMs - clock.now().getTime()));
        expiry.unref();
        socket.once("close", () => clearTimeout(expiry));
      }
      if (viewer.kind !== "user") return;
      const session = { socket, issuedAtMs: viewer.issuedAtMs ?? 0 };
      let sessions = byUser.get(viewer.userId);
      if (!sessions) byUser.set(viewer.userId, (sessions = new Set()));
      sessions.add(session);
      socket.once("close", () => {
        sessions!.delete(session);
        if (sessions!.size === 0) byUser.delete(viewer.userId);
      });
    },
    close: () => revocations.return(),
  };
}
