import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const SCREENSHOT_DIR = path.resolve("test-results", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless (see ENGINEERING.md). A missing browser fails the run: it is not skipped. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to make to any host but the server (refused, and a test failure). */
  foreignRequests: string[];
  /** Uncaught errors in the page and console errors (CSP violations among them). */
  pageErrors: string[];
  /** Fails the test if the page reached past the server or threw. */
  assertClean(): void;
  close(): Promise<void>;
}

/**
 * A fresh browser context (its own sessionStorage) on the server at `origin`, at `width`
 * pixels. Every request to another host is refused and recorded: the console must work offline.
 */
export async function openConsole(browser: Browser, origin: string, options: { width?: number; path?: string } = {}): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, serviceWorkers: "block" });
  const allowed = new URL(origin).host;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === allowed || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    foreignRequests.push(url.href);
    return route.abort("internetdisconnected");
  });
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.host !== allowed && !["data:", "blob:"].includes(url.protocol) && !foreignRequests.includes(url.href)) foreignRequests.push(url.href);
  });
  context.on("weberror", (error) => pageErrors.push(String(error.error())));
  const page = await context.newPage();
  page.on("websocket", (socket) => {
    if (new URL(socket.url()).host !== allowed) foreignRequests.push(socket.url());
  });
  page.on("console", (message) => {
    // A GraphQL error the page shows is not a page error; a refused script or a CSP violation is.
    if (message.type() === "error" && !/the server responded with a status of (4\d\d)/.test(message.text())) pageErrors.push(message.text());
  });
  await page.goto(new URL(options.path ?? "/", origin).href);
  return {
    page,
    context,
    foreignRequests,
    pageErrors,
    assertClean() {
      expect(foreignRequests, "requests to hosts other than the server").toEqual([]);
      expect(pageErrors, "errors in the page").toEqual([]);
    },
    close: () => context.close(),
  };
}

/**
 * axe-core in the page: no serious or critical violations. Fluent UI's focus sentinels (`<i
 * data-tabster-dummy tabindex="0" aria-hidden="true">` at the edges of a page that has a Dialog
 * or Menu) are left out: they only pass focus on, and axe's aria-hidden-focus rule reports them
 * (microsoft/tabster#288, a known false positive). Nothing else is.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // A dialog fading in has, for a moment, too little contrast: check what stays on screen.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [document], exclude: [["[data-tabster-dummy]"]] } as unknown as Document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `accessibility of ${what}`).toEqual([]);
}

/** Whether the page scrolls sideways (it must not at 360 px). */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** A full-page screenshot in test-results/screenshots/<name>.png (kept by CI, never committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Signs in through the console's sign-in page with a user name and password. */
export async function signInWithPassword(page: Page, userPrincipalName: string, password: string): Promise<void> {
  await page.getByLabel("User name").fill(userPrincipalName);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}
