import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../kit/test-server.js";
import { launchBrowser, openConsole, signInWithPassword } from "./kit/browser.js";

const AVERY = "avery.howard@wingtiptoysonline.com";

describe("console: keeping the session", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // Tokens that expire 63 s after issue: the console refreshes 60 s ahead, so about 3 s after signing in.
    [server, browser] = await Promise.all([startTestServer({ env: { ACCESS_TOKEN_TTL_SECONDS: "63" } }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("trades its refresh token for new tokens before the access token expires, and stays signed in", async () => {
    const opened = await openConsole(browser, new URL(server.url).origin);
    const { page } = opened;
    const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem("authgate.session") ?? "null") as { accessToken: string; refreshToken: string } | null);
    await signInWithPassword(page, AVERY, server.passwords[AVERY]!);
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    const first = (await stored())!;
    expect(first.refreshToken).toBeTruthy();
    await expect.poll(async () => (await stored())?.accessToken, { timeout: 15_000 }).not.toBe(first.accessToken);
    const second = (await stored())!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    expect((await server.request("{ me { userPrincipalName } }", {}, { token: second.accessToken })).data.me.userPrincipalName).toBe(AVERY);
    // The first refresh token was used: presenting it again would be reuse.
    const replay = await server.request("mutation($r: String!) { refreshAccessToken(refreshToken: $r) { accessToken } }", { r: first.refreshToken });
    expect(replay.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    opened.assertClean();
    await opened.close();
  });
});
