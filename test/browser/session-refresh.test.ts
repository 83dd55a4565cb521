import { describe, expect, it } from "vitest";
import { signInWithPassword } from "./kit/browser.js";
import { useConsole } from "./kit/console-lifecycle.js";

const AVERY = "avery.howard@wingtiptoysonline.com";

describe("console: keeping the session", () => {
  // Tokens that expire 63 s after issue: the console refreshes 60 s ahead, so about 3 s after signing in.
  const ui = useConsole({ env: { ACCESS_TOKEN_TTL_SECONDS: "63" } });

  it("trades its refresh token for new tokens before the access token expires, and stays signed in", async () => {
    const opened = await ui.open();
    const { page } = opened;
    const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem("authgate.session") ?? "null") as { accessToken: string; refreshToken: string } | null);
    await signInWithPassword(page, AVERY, ui.server.passwords[AVERY]!);
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    const first = (await stored())!;
    expect(first.refreshToken).toBeTruthy();
    await expect.poll(async () => (await stored())?.accessToken, { timeout: 15_000 }).not.toBe(first.accessToken);
    const second = (await stored())!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    expect((await ui.server.request("{ me { userPrincipalName } }", {}, { token: second.accessToken })).data.me.userPrincipalName).toBe(AVERY);
    // The first refresh token was used: presenting it again would be reuse.
    const replay = await ui.server.request("mutation($r: String!) { refreshAccessToken(refreshToken: $r) { accessToken } }", { r: first.refreshToken });
    expect(replay.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    opened.assertClean();
    await opened.close();
  });

  it("renews a session whose access token expired while the tab was away, without asking for the password; a session that can't be renewed is over", async () => {
    const opened = await ui.open();
    const { page } = opened;
    type Stored = { accessToken: string; refreshToken: string; expiresAt: number };
    const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem("authgate.session") ?? "null") as Stored | null);
    const expireStored = (changes: Partial<Stored> = {}) =>
      page.evaluate((changes) => {
        const session = JSON.parse(sessionStorage.getItem("authgate.session")!) as Stored;
        sessionStorage.setItem("authgate.session", JSON.stringify({ ...session, expiresAt: Math.floor(Date.now() / 1000) - 5, ...changes }));
      }, changes);

    await signInWithPassword(page, AVERY, ui.server.passwords[AVERY]!);
    const before = (await stored())!;
    // Before the console's own refresh (3 s after signing in): as if the tab had slept past expiry.
    await expireStored();
    await page.reload();
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    const renewed = (await stored())!;
    expect(renewed.refreshToken).not.toBe(before.refreshToken);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect((await ui.server.request("{ me { userPrincipalName } }", {}, { token: renewed.accessToken })).data.me.userPrincipalName).toBe(AVERY);

    await expireStored({ refreshToken: "not-a-refresh-token-of-this-gateway" });
    await page.reload();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await stored()).toBeNull();
    opened.assertClean();
  });
});

describe("console: two tabs of one session", () => {
  const ui = useConsole({ env: { ACCESS_TOKEN_TTL_SECONDS: "63" } });

  it("a duplicated tab and its original take turns refreshing and share the new tokens: the session is not taken for a stolen one", async () => {
    const opened = await ui.open();
    const first = opened.page;
    await signInWithPassword(first, AVERY, ui.server.passwords[AVERY]!);
    type Stored = { accessToken: string; refreshToken: string };
    const storedIn = (page: import("playwright-core").Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem("authgate.session") ?? "null") as Stored | null);
    const original = (await storedIn(first))!;
    // What duplicating a tab does: a second tab of the same browser with a copy of the first's sessionStorage.
    const second = await opened.context.newPage();
    await second.addInitScript((session) => sessionStorage.setItem("authgate.session", session), JSON.stringify(original));
    await second.goto(ui.origin);
    await second.getByRole("heading", { name: "Security info" }).waitFor();

    // Both refresh about 3 s after the sign-in, at the same moment.
    await expect.poll(async () => (await storedIn(first))?.refreshToken, { timeout: 15_000 }).not.toBe(original.refreshToken);
    await expect.poll(async () => (await storedIn(second))?.refreshToken, { timeout: 15_000 }).toBe((await storedIn(first))!.refreshToken);
    const userId = await ui.server.userId(AVERY);
    const events = await ui.server.app.database.prisma.auditEvent.findMany({ where: { targetUserId: userId, activity: { startsWith: "session." } } });
    expect(events.filter((e) => e.activity === "session.refreshReuseDetected")).toEqual([]);
    expect(events.filter((e) => e.activity === "session.refreshed")).toHaveLength(1);
    const shared = (await storedIn(second))!;
    const me = await ui.server.request("{ me { userPrincipalName } }", {}, { token: shared.accessToken });
    expect(me.errors).toBeUndefined();
    expect(me.data.me.userPrincipalName).toBe(AVERY);
    for (const page of [first, second]) await page.getByRole("heading", { name: "Security info" }).waitFor();
    opened.assertClean();
  });
});

describe("console: the end of a session", () => {
  // Sessions of 70 s with 63 s tokens: the third refresh gets a token cut short by the session's end.
  const ui = useConsole({ env: { ACCESS_TOKEN_TTL_SECONDS: "63", SESSION_MAX_SECONDS: "70" } });

  it("stops refreshing once a refresh returns a token cut short by the session's end (no refresh storm)", async () => {
    const opened = await ui.open();
    const { page } = opened;
    await signInWithPassword(page, AVERY, ui.server.passwords[AVERY]!);
    const userId = await ui.server.userId(AVERY);
    const refreshes = () => ui.server.app.database.prisma.auditEvent.count({ where: { targetUserId: userId, activity: "session.refreshed" } });
    await expect.poll(refreshes, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem("authgate.session") ?? "null") as { final?: boolean } | null);
    expect(stored?.final).toBe(true);
    const settled = await refreshes();
    await page.waitForTimeout(8_000);
    expect(await refreshes()).toBe(settled);
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    opened.assertClean();
  });
});
