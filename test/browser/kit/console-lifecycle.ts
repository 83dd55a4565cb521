import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTestServer, type StartOptions, type TestServer } from "../../kit/test-server.js";
import { launchBrowser, openConsole, signInWithPassword, type ConsolePage } from "./browser.js";

export interface ConsoleLifecycle {
  /** The started server (from the first beforeAll on). */
  readonly server: TestServer;
  /** The headless Chromium (from the first beforeAll on). */
  readonly browser: Browser;
  /** The server's origin, e.g. http://127.0.0.1:PORT. */
  readonly origin: string;
  /** The page this test opened last, if any. */
  readonly opened: ConsolePage | undefined;
  /** Opens the console (see openConsole: offline guard included); closed before the next test and at the end. */
  open(options?: { width?: number; path?: string }): Promise<ConsolePage>;
  /** Opens the console at `width` pixels and signs in with the user's password. */
  signedIn(userPrincipalName: string, width?: number): Promise<Page>;
}

/**
 * A server and a browser for the describe it is called in: started in parallel before all its
 * tests, stopped after them; the pages a test opened are closed before the next test. Call it
 * first in the describe, so that the describe's own beforeAll and beforeEach hooks (run in the
 * order they were registered) find the server started and the previous test's page closed.
 */
export function useConsole(startOptions: StartOptions = {}): ConsoleLifecycle {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let origin: string | undefined;
  let pages: ConsolePage[] = [];

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useConsole: no ${what} yet (use it inside a test or a hook)`);
    return value;
  };
  const closePages = async () => {
    const closing = pages;
    pages = [];
    for (const page of closing) await page.close();
  };

  beforeAll(async () => {
    const [startedServer, launched] = await Promise.allSettled([startTestServer(startOptions), launchBrowser()]);
    // Keep whichever started, so afterAll stops it even when the other failed.
    if (startedServer.status === "fulfilled") server = startedServer.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (startedServer.status === "rejected") throw startedServer.reason;
    if (launched.status === "rejected") throw launched.reason;
    origin = new URL(server!.url).origin;
  });
  afterAll(async () => {
    await closePages();
    await browser?.close();
    await server?.stop();
  });
  beforeEach(() => closePages());

  const lifecycle: ConsoleLifecycle = {
    get server() {
      return started(server, "server");
    },
    get browser() {
      return started(browser, "browser");
    },
    get origin() {
      return started(origin, "server");
    },
    get opened() {
      return pages.at(-1);
    },
    async open(options = {}) {
      const page = await openConsole(lifecycle.browser, lifecycle.origin, options);
      pages.push(page);
      return page;
    },
    async signedIn(userPrincipalName, width = 360) {
      const { page } = await lifecycle.open({ width });
      await signInWithPassword(page, userPrincipalName, lifecycle.server.passwords[userPrincipalName]!);
      return page;
    },
  };
  return lifecycle;
}
