import type { WebSocket } from "ws";
import { CloseCode } from "graphql-ws";
import type { Viewer } from "../auth/viewer.js";
import type { EventBus } from "../events/event-bus.js";
import type { Clock } from "../lib/clock.js";

/**
 * WebSocket connections are sessions too: one ends when its token expires; when the user's
 * sessions are revoked (password reset, or changed by the user: but the session it was changed
 * in) every connection authenticated before that instant is closed; a signed-out session (or
 * one whose refresh token was reused) closes its connections; when the user is deleted or their directory roles change, every connection of theirs is
 * closed, so no subscription keeps access the user no longer has. All of it on every server
 * instance (the events travel over the EventBus). Each operation on a socket is also
 * re-authenticated (operation gate), which covers the moment before the event arrives.
 */
export function createLiveSessions(events: EventBus, clock: Clock) {
  const byUser = new Map<string, Set<{ socket: WebSocket; issuedAtMs: number; sessionId?: string }>>();
  const revocations = events.subscribe("sessionsRevoked");
  const endings = events.subscribe("sessionEnded");
  const accessChanges = events.subscribe("userAccessChanged");

  void (async () => {
    for await (const { userId, revokedBefore, exceptSessionId } of revocations) {
      const cutoff = new Date(revokedBefore).getTime();
      for (const session of byUser.get(userId) ?? []) {
        const kept = exceptSessionId !== undefined && session.sessionId === exceptSessionId;
        if (session.issuedAtMs < cutoff && !kept) session.socket.close(CloseCode.Unauthorized, "Session revoked");
      }
    }
  })();

  void (async () => {
    for await (const { userId, sessionId } of endings) {
      for (const session of byUser.get(userId) ?? []) {
        if (session.sessionId === sessionId) session.socket.close(CloseCode.Unauthorized, "Signed out");
      }
    }
  })();

  void (async () => {
    for await (const { userId, change } of accessChanges) {
      for (const session of byUser.get(userId) ?? []) {
        if (change === "deleted") session.socket.close(CloseCode.Unauthorized, "The user no longer exists");
        else session.socket.close(CloseCode.Forbidden, "Directory roles changed: reconnect");
      }
    }
  })();

  return {
    track(socket: WebSocket, viewer: Viewer) {
      if (viewer.kind === "anonymous") return;
      if (viewer.expiresAtMs !== undefined) {
        const expiry = setTimeout(() => socket.close(CloseCode.Unauthorized, "Token expired"), Math.max(0, viewer.expiresAtMs - clock.now().getTime()));
        expiry.unref();
        socket.once("close", () => clearTimeout(expiry));
      }
      if (viewer.kind !== "user") return;
      const session = { socket, issuedAtMs: viewer.issuedAtMs ?? 0, sessionId: viewer.sessionId };
      let sessions = byUser.get(viewer.userId);
      if (!sessions) byUser.set(viewer.userId, (sessions = new Set()));
      sessions.add(session);
      socket.once("close", () => {
        sessions!.delete(session);
        if (sessions!.size === 0) byUser.delete(viewer.userId);
      });
    },
    close: async () => {
      await Promise.all([revocations.return(), accessChanges.return(), endings.return()]);
    },
  };
}

export type LiveSessions = ReturnType<typeof createLiveSessions>;
