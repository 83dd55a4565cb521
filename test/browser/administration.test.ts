import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { CreateUserDocument, SignInWithPasswordDocument } from "../generated/graphql.js";
import { expectAccessible, expectNoHorizontalScroll, screenshot } from "./kit/browser.js";
import { useConsole } from "./kit/console-lifecycle.js";

const DOMAIN = "wingtiptoysonline.com";
const AVERY = `avery.howard@${DOMAIN}`;
const ADMIN = `admin@${DOMAIN}`;
const AUTH_ADMIN = `authadmin@${DOMAIN}`;
const PAGERS = 25; // more than the console's page of 20
const CASEY = `casey.reset@${DOMAIN}`;
const DANA = `dana.policy@${DOMAIN}`;

/** The statuses the progress view lists, in the order they arrived. */
const shownStatuses = (page: Page) => progress(page).locator("li").evaluateAll((items) => items.map((item) => item.getAttribute("data-status")));

/** The console's navigation link to the user list ("All users" on a user's page also says "users"). */
const usersLink = (page: Page) => page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Users", exact: true });


const progress = (page: Page) => page.getByRole("status", { name: "Password reset progress" });

describe("console: administration (users, a user's page, password resets)", () => {
  const ui = useConsole();

  beforeAll(async () => {
    const admin = await ui.server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const create = (userPrincipalName: string, displayName: string) =>
      ui.server.execute(CreateUserDocument, { input: { userPrincipalName, displayName } }, { token: admin }).then((r) => {
        expect(r.errors).toBeUndefined();
      });
    for (let i = 1; i <= PAGERS; i++) await create(`pager-${String(i).padStart(2, "0")}@${DOMAIN}`, `Pager ${i}`);
    await create(CASEY, "Casey Reset");
    await create(DANA, "Dana Policy");
  });
  it("lists and searches the directory, and opens a user's page that survives a reload", async () => {
    const page = await ui.signedIn(ADMIN);
    await usersLink(page).click();
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    const users = page.getByRole("list", { name: "Users" });
    await users.getByRole("link", { name: /Directory Admin/ }).waitFor();
    await expect(users.getByRole("link", { name: /Directory Admin/ }).textContent()).resolves.toContain("Global Administrator");
    await expectAccessible(page, "the user list");
    await expectNoHorizontalScroll(page, "the user list");
    await screenshot(page, "users");

    await page.getByLabel("Search users").fill("nobody-by-that-name");
    await page.getByText('No users match "nobody-by-that-name".').waitFor();

    await page.getByLabel("Search users").fill("avery");
    await page.getByText(/matching "avery"/).waitFor();
    await expect(users.getByRole("link").count()).resolves.toBe(1);
    await users.getByRole("link", { name: /Avery Howard/ }).click();

    const averyId = await ui.server.userId(AVERY);
    await page.getByRole("heading", { name: "Avery Howard", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/users/${averyId}`);
    await page.getByText("Directory roles: No administrator role").waitFor();

    await page.reload();
    await page.getByRole("heading", { name: "Avery Howard", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Reset password" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/users/${averyId}`);
    await expectAccessible(page, "a user's page");
    await expectNoHorizontalScroll(page, "a user's page");
    await screenshot(page, "user");

    await page.goto(new URL("/users/00000000-0000-4000-8000-000000000000", ui.origin).href);
    await page.getByRole("heading", { name: "User not found" }).waitFor();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("There is no user");
    ui.opened!.assertClean();
  });

  it("pages through the directory with Relay cursors", async () => {
    const page = await ui.signedIn(ADMIN, 1280);
    await usersLink(page).click();
    await page.getByLabel("Search users").fill("pager-");
    await page.getByRole("button", { name: "Search" }).click();
    const users = page.getByRole("list", { name: "Users" });
    await page.getByText('Page 1: users 1 to 20 matching "pager-"').waitFor();
    await expect(users.getByRole("link").count()).resolves.toBe(20);
    await expect(users.getByRole("link").first().textContent()).resolves.toContain("pager-01@");
    await expect(page.getByRole("button", { name: "Previous" }).isDisabled()).resolves.toBe(true);

    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText('Page 2: users 21 to 25 matching "pager-"').waitFor();
    await expect(users.getByRole("link").count()).resolves.toBe(5);
    await expect(users.getByRole("link").last().textContent()).resolves.toContain("pager-25@");
    await expect(page.getByRole("button", { name: "Next" }).isDisabled()).resolves.toBe(true);

    await page.getByRole("button", { name: "Previous" }).click();
    await page.getByText('Page 1: users 1 to 20 matching "pager-"').waitFor();
    await expect(users.getByRole("link").first().textContent()).resolves.toContain("pager-01@");
    ui.opened!.assertClean();
  });

  it("resets a password live, status by status, and shows the generated password once", async () => {
    const page = await ui.signedIn(ADMIN);
    await ui.opened!.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ui.origin });
    const caseyId = await ui.server.userId(CASEY);
    await page.goto(new URL(`/users/${caseyId}`, ui.origin).href);
    await page.getByRole("heading", { name: "Casey Reset", level: 1 }).waitFor();

    // Hold the worker's hashing until the page has shown the reset running: no race to win.
    const hasher = ui.server.app.hasher;
    const hash = hasher.hash;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let hashes = 0;
    hasher.hash = async (password) => {
      hashes++;
      await held;
      return hash.call(hasher, password);
    };
    try {
      await page.getByRole("button", { name: "Reset password" }).click();
      await progress(page).locator('li[data-status="running"]').waitFor();
      const before = await shownStatuses(page);
      expect(["notStarted", "running"]).toContain(before[0]);
      expect(before).not.toContain("succeeded");
      expect(hashes, "the worker is hashing, held").toBe(1);
      await expect(progress(page).locator("li").last().textContent()).resolves.toContain("Running");
    } finally {
      release();
      hasher.hash = hash;
    }
    await progress(page).locator('li[data-status="succeeded"]').waitFor();
    const statuses = await shownStatuses(page);
    expect([["notStarted", "running", "succeeded"], ["running", "succeeded"]]).toContainEqual(statuses);
    await expect(progress(page).locator('li[data-status="succeeded"]').textContent()).resolves.toContain("Succeeded: ResetSuccess");

    const password = await page.getByLabel("Generated password").inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await page.getByText("it will not be shown again").waitFor();
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied to the clipboard.").waitFor();
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(password);
    await expectAccessible(page, "a user's page after a reset");
    await expectNoHorizontalScroll(page, "a user's page after a reset");
    await screenshot(page, "user-reset");

    // The password really is the user's now.
    const signIn = await ui.server.execute(SignInWithPasswordDocument, { userPrincipalName: CASEY, password });
    expect(signIn.data?.signInWithPassword.isVerified).toBe(true);

    // Shown once: gone after navigating away and back.
    await usersLink(page).click();
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: "Casey Reset", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Reset password" }).waitFor();
    await expect(page.getByLabel("Generated password").count()).resolves.toBe(0);
    expect(await page.content()).not.toContain(password);
    ui.opened!.assertClean();
  });

  it("shows a reset that breaks the password policy failing, and forgets a generated password on a new reset", async () => {
    const page = await ui.signedIn(ADMIN);
    await page.goto(new URL(`/users/${encodeURIComponent(DANA)}`, ui.origin).href);
    await page.getByRole("heading", { name: "Dana Policy", level: 1 }).waitFor();

    await page.getByRole("button", { name: "Reset password" }).click();
    await progress(page).locator('li[data-status="succeeded"]').waitFor();
    const generated = await page.getByLabel("Generated password").inputValue();

    await page.getByLabel("New password").fill("short");
    await page.getByRole("button", { name: "Reset password" }).click();
    const failed = progress(page).locator('li[data-status="failed"]');
    await failed.waitFor();
    await expect(failed.textContent()).resolves.toContain("Failed: PasswordPolicyViolation");
    const statuses = await shownStatuses(page);
    expect(["notStarted", "running"]).toContain(statuses[0]);
    expect(statuses.at(-1)).toBe("failed");
    await progress(page).getByText("does not meet the password policy").waitFor();
    await expect(page.getByLabel("Generated password").count()).resolves.toBe(0);
    expect(await page.content()).not.toContain(generated);
    await expect(page.getByLabel("New password").inputValue()).resolves.toBe("");
    ui.opened!.assertClean();
  });

  it("offers Users only to administrators, and shows the server's FORBIDDEN message", async () => {
    let page = await ui.signedIn(AVERY);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Security info" }).waitFor();
    await expect(usersLink(page).count()).resolves.toBe(0);
    await ui.opened!.close();

    page = await ui.signedIn(AUTH_ADMIN);
    await usersLink(page).click();
    await page.getByLabel("Search users").fill("Directory Admin");
    await page.getByText(/matching "Directory Admin"/).waitFor();
    await page.getByRole("list", { name: "Users" }).getByRole("link", { name: /Directory Admin/ }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("You are not allowed to read this user's authentication methods");
    expect(new URL(page.url()).pathname).toBe(`/users/${await ui.server.userId(ADMIN)}`);

    // Acting on oneself is refused too, with the server's reason.
    await page.goto(new URL(`/users/${await ui.server.userId(AUTH_ADMIN)}`, ui.origin).href);
    await page.getByRole("heading", { name: "Auth Admin", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("You can't reset your own password here");
    ui.opened!.assertClean();
  });
});
