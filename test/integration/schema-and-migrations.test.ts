import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { printGatewaySchema } from "../../src/graphql/emit-schema.js";
import { applyMigrations, readMigrationFiles } from "../../src/db/migrations.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

describe("schema.graphql", () => {
  it("is what the resolvers emit (run `npm run schema:emit` when this fails)", async () => {
    const committed = await readFile(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(await printGatewaySchema());
  });
});

describe("migrations on a fresh database", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, env: { SEED_DEMO: "false" } });
  });
  afterAll(() => server?.stop());

  it("records every migration in _prisma_migrations as Prisma does, and applying again is a no-op", async () => {
    const files = await readMigrationFiles();
    const client = new pg.Client({ connectionString: server.app.database.connectionString });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
      expect(rows.every((r) => r.finished_at && r.applied_steps_count === 1)).toBe(true);
    } finally {
      await client.end();
    }
    expect(await applyMigrations(server.app.database.connectionString)).toEqual([]);
  });

  it("lets every model be written and read back through the Prisma client", async () => {
    const prisma = server.app.database.prisma;
    const userId = randomUUID();
    const gatewayId = randomUUID();
    const now = new Date();
    await prisma.user.create({ data: { id: userId, userPrincipalName: "model@example.com", displayName: "Model", passwordHash: "h", passwordChangedAt: now } });
    await prisma.directoryRoleAssignment.create({ data: { userId, role: "AUTHENTICATION_ADMINISTRATOR" } });
    await prisma.phoneMethod.create({ data: { userId, phoneType: "mobile", phoneNumber: "+12065550123x7", smsSignInEnabled: true } });
    await prisma.authenticationMethodConfiguration.create({ data: { id: "sms", enabled: true, targets: { create: [{ targetType: "user", targetId: userId, isUsableForSignIn: true }] } } });
    // Leased for an hour: the server's reset worker would otherwise claim it and fail it (its payload is no sealed password).
    const leaseUntil = new Date(now.getTime() + 3_600_000);
    await prisma.operation.create({ data: { id: randomUUID(), userId, kind: "passwordReset", status: "running", statusDetail: "x", resourceLocation: "/x", payload: "sealed", claimedBy: "w", claimedUntil: leaseUntil } });
    await prisma.smsGatewayAccount.create({ data: { id: gatewayId, name: "gw", provider: "webhook", endpoint: "https://sms.example", senderId: "S", sealedCredentials: "v1.a.b.c", isDefault: true } });
    await prisma.identityStore.create({
      data: { id: "store", name: "store", smsEnabled: true, smsGatewayAccountId: gatewayId, smsMessageTemplate: "Code [Code]", smsAllowedCountryCallingCodes: ["1", "44"], smsDailyLimitPerCountry: 10, smsDailyLimitPerPrefix: 5 },
    });
    await prisma.identityStore.create({ data: { id: "defaults", name: "defaults" } });
    await prisma.securityRole.create({ data: { id: "role", name: "Role", enforceSms: true, members: { create: [{ userId }] } } });
    await prisma.verificationChallenge.create({ data: { id: randomUUID(), purpose: "signIn", userId, phoneNumber: "+12065550123", phoneType: "mobile", codeHash: "h", expiresAt: now } });
    await prisma.issuedToken.create({ data: { tokenHash: "t", kind: "challenge", userId, subject: "s", expiresAt: now } });
    await prisma.rateLimitBucket.create({ data: { key: "k", count: 1, windowStart: now, windowEnd: now } });
    await prisma.session.create({ data: { id: "sid", userId, revokedAt: now, renewedAt: now, expiresAt: now, createdAt: now } });
    await prisma.refreshToken.create({ data: { tokenHash: "r", sessionId: "sid", userId, scopes: ["a", "b"], expiresAt: now, usedAt: now, revokedAt: now, createdAt: now } });
    await prisma.smsDelivery.create({
      data: { id: randomUUID(), purpose: "signIn", challengeId: randomUUID(), maskedPhoneNumber: "+1 ******0123", sealedMessage: "v1.a.b.c", status: "delivered", failureKind: "gatewayTimeout", attempts: 2, nextAttemptAt: now, expiresAt: now, claimedBy: "w", claimedUntil: now, lastAttemptAt: now, createdAt: now },
    });
    await prisma.codeGuessLog.create({ data: { key: "g", guessedAt: [now, now], lastAdmitted: true, lastGuessAt: now } });
    await prisma.auditEvent.create({
      data: { id: randomUUID(), occurredAt: now, activity: "model.checked", outcome: "success", actorType: "app", actorId: "system", actorDisplayName: "authgate", targetUserId: userId, targetId: "t", clientAddress: "127.0.0.1", requestId: "r", detail: { a: 1 } },
    });

    const user = await prisma.user.findUniqueOrThrow({
      where: { id: userId },
      include: { directoryRoles: true, phoneMethods: true, operations: true, challenges: true, securityRoles: { include: { securityRole: true } } },
    });
    expect(user).toMatchObject({ displayName: "Model", directoryRoles: [{ role: "AUTHENTICATION_ADMINISTRATOR" }], phoneMethods: [{ phoneNumber: "+12065550123x7" }] });
    expect(user.operations[0]).toMatchObject({ status: "running", kind: "passwordReset" });
    expect(user.challenges[0]).toMatchObject({ purpose: "signIn", attempts: 0 });
    expect(user.securityRoles[0]!.securityRole).toMatchObject({ enforceSms: true });
    expect(await prisma.session.findUniqueOrThrow({ where: { id: "sid" }, include: { refreshTokens: true } })).toMatchObject({
      userId,
      revokedAt: now,
      refreshTokens: [{ tokenHash: "r", scopes: ["a", "b"], usedAt: now }],
    });
    expect(await prisma.identityStore.findUniqueOrThrow({ where: { id: "store" }, include: { smsGatewayAccount: true } })).toMatchObject({
      smsGatewayAccount: { provider: "webhook" },
      smsAllowedCountryCallingCodes: ["1", "44"],
      smsDailyLimitPerCountry: 10,
      smsDailyLimitPerPrefix: 5,
    });
    expect(await prisma.identityStore.findUniqueOrThrow({ where: { id: "defaults" } })).toMatchObject({ smsAllowedCountryCallingCodes: [], smsDailyLimitPerCountry: 1000, smsDailyLimitPerPrefix: 50 });
    expect(await prisma.authenticationMethodTarget.count()).toBe(1);
    expect(await prisma.issuedToken.count()).toBe(1);
    expect(await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "k" } })).toMatchObject({ count: 1 });
    expect(await prisma.smsDelivery.findFirstOrThrow()).toMatchObject({ purpose: "signIn", status: "delivered", attempts: 2, lastAttemptAt: now });
    expect(await prisma.codeGuessLog.findUniqueOrThrow({ where: { key: "g" } })).toMatchObject({ guessedAt: [now, now], lastAdmitted: true });
    // Events outlive the users they are about (no foreign key); the sequence orders them.
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { activity: "model.checked" } })).toMatchObject({ targetUserId: userId, detail: { a: 1 }, sequence: expect.any(BigInt) });
    await prisma.user.delete({ where: { id: userId } });
    expect(await prisma.auditEvent.count({ where: { targetUserId: userId } })).toBe(1);
    expect(await prisma.phoneMethod.count({ where: { userId } })).toBe(0);
  });
});
