import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const HOUR = 3_600_000;

describe("housekeeping", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it("removes challenges, challenge tokens, rate-limit windows and wrong-code logs that ended over an hour ago, and nothing live", async () => {
    const prisma = server.app.database.prisma;
    const now = server.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms);
    const oldId = randomUUID();
    const liveId = randomUUID();
    await prisma.verificationChallenge.createMany({
      data: [
        { id: oldId, purpose: "signIn", phoneNumber: "+12065550100", codeHash: "h", expiresAt: at(-2 * HOUR) },
        { id: liveId, purpose: "signIn", phoneNumber: "+12065550101", codeHash: "h", expiresAt: at(10 * 60_000) },
      ],
    });
    await prisma.issuedToken.createMany({
      data: [
        { tokenHash: "old", kind: "challenge", expiresAt: at(-2 * HOUR) },
        { tokenHash: "live", kind: "challenge", expiresAt: at(5 * 60_000) },
      ],
    });
    await prisma.rateLimitBucket.createMany({
      data: [
        { key: "old", count: 3, windowStart: at(-3 * HOUR), windowEnd: at(-2 * HOUR) },
        { key: "live", count: 3, windowStart: at(-60_000), windowEnd: at(14 * 60_000) },
      ],
    });

    // Wrong codes count for 24 hours: a log goes an hour after its last guess left the window.
    await prisma.codeGuessLog.createMany({
      data: [
        { key: "old", guessedAt: [at(-27 * HOUR)], lastGuessAt: at(-26 * HOUR) },
        { key: "live", guessedAt: [at(-24 * HOUR)], lastGuessAt: at(-24 * HOUR) },
      ],
    });

    const removed = await server.app.housekeeping.runOnce();
    expect(removed).toEqual({ challengesAndTokens: 2, rateLimitBuckets: 1, codeGuessLogs: 1, smsDeliveries: 0, sessions: 0, auditEvents: 0 });
    expect((await prisma.verificationChallenge.findMany()).map((c) => c.id)).toEqual([liveId]);
    expect((await prisma.issuedToken.findMany()).map((t) => t.tokenHash)).toEqual(["live"]);
    expect((await prisma.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["live"]);
    expect((await prisma.codeGuessLog.findMany()).map((l) => l.key)).toEqual(["live"]);

    // An hour and a bit later, what was live has ended too.
    server.clock.advance(HOUR + 20 * 60_000);
    expect(await server.app.housekeeping.runOnce()).toEqual({ challengesAndTokens: 2, rateLimitBuckets: 1, codeGuessLogs: 1, smsDeliveries: 0, sessions: 0, auditEvents: 0 });
  });

  it("keeps SMS delivery outcomes for administrators for a week", async () => {
    const prisma = server.app.database.prisma;
    const now = server.clock.now().getTime();
    const delivery = (createdAt: Date) => ({ id: randomUUID(), purpose: "signIn" as const, challengeId: randomUUID(), maskedPhoneNumber: "+1 ******0100", status: "delivered" as const, expiresAt: createdAt, createdAt });
    const recent = delivery(new Date(now - 6 * 24 * HOUR));
    await prisma.smsDelivery.createMany({ data: [delivery(new Date(now - 8 * 24 * HOUR)), recent] });
    expect((await server.app.housekeeping.runOnce()).smsDeliveries).toBe(1);
    expect((await prisma.smsDelivery.findMany()).map((d) => d.id)).toEqual([recent.id]);
  });
});
