import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, expectNoHorizontalScroll, screenshot } from "./kit/browser.js";
import { useConsole } from "./kit/console-lifecycle.js";

const DOMAIN = "wingtiptoysonline.com";
const AVERY = `avery.howard@${DOMAIN}`;
const ADMIN = `admin@${DOMAIN}`;

const auditLogLink = (page: Page) => page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit log", exact: true });
const events = (page: Page) => page.getByRole("list", { name: "Events" }).getByRole("listitem");

describe("console: audit log", () => {
  const ui = useConsole();

  it("shows the admin's own sign-in, and filters by activity and by user", async () => {
    const page = await ui.signedIn(ADMIN);
    await auditLogLink(page).click();
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    const signIn = events(page).filter({ hasText: "signIn.password" }).filter({ hasText: "Directory Admin" }).first();
    await signIn.waitFor();
    await expect(signIn.getAttribute("data-outcome")).resolves.toBe("success");
    await expect(signIn.textContent()).resolves.toContain("Success");
    await expectAccessible(page, "the audit log");
    await expectNoHorizontalScroll(page, "the audit log");
    await screenshot(page, "audit-log");

    // Something else in the trail, so the activity filter has something to leave out.
    const admin = await ui.server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const added = await ui.server.request(`mutation { addPhoneMethod(userId: "${AVERY}", input: { phoneNumber: "+1 4255550199", phoneType: mobile }) { id } }`, {}, { token: admin });
    expect(added.errors).toBeUndefined();
    const refused = await ui.server.request(`mutation { signInWithPassword(userPrincipalName: "${AVERY}", password: "not-the-password") { isVerified } }`);
    expect(refused.data?.signInWithPassword?.isVerified).toBe(false);
    await page.reload();
    await events(page).filter({ hasText: "phoneMethod.added" }).first().waitFor();

    await page.getByLabel("Activity").fill("signIn.password");
    await page.getByRole("button", { name: "Apply" }).click();
    const labels = () => events(page).evaluateAll((items) => items.map((item) => item.getAttribute("aria-label") ?? ""));
    await expect
      .poll(async () => {
        const shown = await labels();
        return shown.length > 0 && shown.every((label) => label.startsWith("signIn.password, "));
      })
      .toBe(true);
    await expect(events(page).filter({ hasText: "phoneMethod.added" }).count()).resolves.toBe(0);
    // A failure is marked as one.
    const failed = events(page).and(page.locator('[data-outcome="failure"]'));
    await expect(failed.count()).resolves.toBe(1);
    await expect(failed.textContent()).resolves.toContain("Failure");
    await expectAccessible(page, "the audit log with a failure");

    // The user filter takes a user name and asks the API by id; nobody by that name: the reason.
    await page.getByLabel("Activity").fill("");
    await page.getByLabel("User").fill(AVERY);
    await page.getByRole("button", { name: "Apply" }).click();
    await events(page).filter({ hasText: "phoneMethod.added" }).first().waitFor();
    const averyId = await ui.server.userId(AVERY);
    await expect.poll(() => events(page).filter({ hasText: "Directory Admin" }).filter({ hasText: "signIn.password" }).count()).toBe(0);
    for (const text of await events(page).allTextContents()) expect(text).toContain(averyId);
    await page.getByLabel("User").fill(`nobody@${DOMAIN}`);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("alert").waitFor();
    await expectNoHorizontalScroll(page, "the filtered audit log");
    ui.opened!.assertClean();
  });

  it("puts an event made elsewhere on top as it happens, with the phone number masked", async () => {
    const page = await ui.signedIn(ADMIN);
    const live = ui.server.app.events.subscriberCount("auditEventRecorded");
    await auditLogLink(page).click();
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await page.getByRole("status").filter({ hasText: /^Page 1: / }).waitFor();
    await ui.server.waitForSubscribers("auditEventRecorded", live + 1);

    const admin = await ui.server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const added = await ui.server.request(`mutation { addPhoneMethod(userId: "${AVERY}", input: { phoneNumber: "+1 4255550100", phoneType: office }) { id } }`, {}, { token: admin });
    expect(added.errors).toBeUndefined();

    const newest = events(page).first();
    await page.getByText("New event: phoneMethod.added").waitFor();
    await expect(newest.getAttribute("aria-label")).resolves.toBe("phoneMethod.added, success");
    await expect(newest.textContent()).resolves.toContain(await ui.server.userId(AVERY));
    await newest.getByText("Detail").click();
    const detail = await newest.locator("pre").textContent();
    expect(detail).toContain("office");
    const digits = (text: string) => text.replace(/\D/g, "");
    expect(digits(detail ?? "")).not.toContain("4255550100");
    expect(digits((await page.locator("body").textContent()) ?? "")).not.toContain("4255550100");
    await expectAccessible(page, "the audit log with a live event");
    await expectNoHorizontalScroll(page, "the audit log with its detail open");
    await screenshot(page, "audit-log-live");
    ui.opened!.assertClean();
  });

  it("offers the audit log only to Global Administrators, and shows the server's FORBIDDEN message", async () => {
    const page = await ui.signedIn(AVERY);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Security info" }).waitFor();
    await expect(auditLogLink(page).count()).resolves.toBe(0);
    await page.goto(new URL("/audit-log", ui.origin).href);
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("The audit trail needs the Global Administrator role or AuditLog.Read.All");
    await expectAccessible(page, "the audit log, refused");
    await expectNoHorizontalScroll(page, "the audit log, refused");
    ui.opened!.assertClean();
  });
});
