import type { Locator, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import {
  AddPhoneMethodDocument,
  AddSecurityRoleMemberDocument,
  DeletePhoneMethodDocument,
  DisableSmsSignInDocument,
  RemoveSecurityRoleMemberDocument,
  SecurityRolesDocument,
  SetAuthenticationTypeEnforcedDocument,
  UserMethodsDocument,
} from "../generated/graphql.js";
import type { GraphQLResponse } from "../kit/graphql-client.js";
import { deliveredSms } from "../kit/sms-deliveries.js";
import { codeIn } from "../kit/sms-gateway-stub.js";
import { expectAccessible, expectNoHorizontalScroll, screenshot, signInWithPassword } from "./kit/browser.js";
import { useConsole } from "./kit/console-lifecycle.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const ADMIN = "admin@wingtiptoysonline.com";
const PRIVADMIN = "privadmin@wingtiptoysonline.com";
const MINUTE = 60_000;
const ADMIN_SCOPES = ["UserAuthenticationMethod.ReadWrite.All", "Policy.ReadWrite.AuthenticationMethod"];

const REGISTERED = "SMS verified. Your phone was registered successfully.";
const NUMBER_IN_USE = "This phone number is already in use by someone else in your organization. Contact your administrator.";
const DISABLE_FIRST = "This phone is the default sign-in method. Disable SMS sign-in for it first, then delete it.";

/** A method's tile, by its title ("Mobile", "Office", "Password"). */
const tile = (page: Page, name: string) => page.getByRole("group", { name, exact: true });
const banner = (page: Page) => page.getByRole("group", { name: "Use your phone number to sign in" });
const textOf = async (locator: Locator) => (await locator.textContent())?.trim();


/** The data of a response, or the test fails with its errors. */
function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, "errors").toBeUndefined();
  return response.data!;
}

describe("console: Security info", () => {
  const ui = useConsole();
  let admin: string;

  beforeEach(async () => {
    // A fresh budget of texted codes, and nobody's phones from an earlier test.
    ui.server.clock.advance(16 * MINUTE);
    admin = await ui.server.tokenFor(ADMIN, ADMIN_SCOPES);
    for (const upn of [AVERY, ADMIN, PRIVADMIN]) await removePhones(upn);
  });

  async function phonesOf(upn: string) {
    const methods = ok(await ui.server.execute(UserMethodsDocument, { id: upn }, { token: admin })).user!.authentication.methods;
    return methods.flatMap((m) => (m.__typename === "PhoneAuthenticationMethod" ? [m] : []));
  }

  async function removePhones(upn: string) {
    // The mobile goes last: it can't be deleted while an alternate mobile exists.
    const phones = (await phonesOf(upn)).sort((a, b) => Number(a.phoneType === "mobile") - Number(b.phoneType === "mobile"));
    for (const phone of phones) {
      if (phone.smsSignInState === "ready") ok(await ui.server.execute(DisableSmsSignInDocument, { userId: upn, id: phone.id }, { token: admin }));
      ok(await ui.server.execute(DeletePhoneMethodDocument, { userId: upn, id: phone.id }, { token: admin }));
    }
  }

  async function addPhoneThroughApi(upn: string, phoneNumber: string, phoneType: "mobile" | "alternateMobile" | "office") {
    return ok(await ui.server.execute(AddPhoneMethodDocument, { userId: upn, input: { phoneNumber, phoneType } }, { token: admin })).addPhoneMethod;
  }

  /** Avery signed in on Security info, with the tiles loaded. */
  async function openAsAvery(width?: number): Promise<Page> {
    const { page } = await ui.open({ width });
    await signInWithPassword(page, AVERY, ui.server.passwords[AVERY]!);
    await page.getByRole("heading", { name: "Security info", level: 1 }).waitFor();
    await tile(page, "Password").waitFor();
    return page;
  }

  /** "Add method", "Phone", the number and type, "Text me a code": the dialog, waiting for its code. */
  async function startAddingPhone(page: Page, phoneNumber: string, type = "Mobile"): Promise<Locator> {
    await page.getByRole("button", { name: "Add method" }).click();
    await page.getByRole("menuitem", { name: "Phone" }).click();
    const dialog = page.getByRole("dialog", { name: "Phone" });
    await dialog.getByLabel("Phone number").fill(phoneNumber);
    await dialog.getByRole("radio", { name: type, exact: true }).check();
    await dialog.getByRole("button", { name: "Text me a code" }).click();
    await dialog.getByLabel("Code").waitFor();
    return dialog;
  }

  /** Enters the code the console gateway texted to `e164` and waits for the success text. */
  async function enterTextedCode(page: Page, dialog: Locator, e164: string) {
    const sms = await deliveredSms(ui.server, e164);
    await dialog.getByLabel("Code").fill(codeIn(sms?.body));
    await dialog.getByRole("button", { name: "Next" }).click();
    await page.getByText(REGISTERED).waitFor();
    await dialog.waitFor({ state: "detached" });
  }

  it("adds a mobile with a texted code, disables and enables SMS sign-in, refuses to delete it while it signs in, then deletes it (360 px)", async () => {
    const page = await openAsAvery(360);
    expect(await textOf(tile(page, "Password"))).toMatch(/^PasswordLast changed \S/);
    await expectAccessible(page, "Security info");
    await expectNoHorizontalScroll(page, "Security info");
    await screenshot(page, "security-info");

    // A number the API can't read: its message next to the action, nothing registered.
    await page.getByRole("button", { name: "Add method" }).click();
    await page.getByRole("menuitem", { name: "Phone" }).click();
    let dialog = page.getByRole("dialog", { name: "Phone" });
    await dialog.getByLabel("Phone number").fill("12");
    await dialog.getByRole("button", { name: "Text me a code" }).click();
    expect(await textOf(dialog.getByRole("alert"))).toBeTruthy();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });

    dialog = await startAddingPhone(page, "+1 206 555 0140");
    await expectAccessible(page, "the add-phone dialog");
    await expectNoHorizontalScroll(page, "the add-phone dialog");
    await screenshot(page, "security-info-add-phone");
    await dialog.getByLabel("Code").fill("000000");
    await dialog.getByRole("button", { name: "Next" }).click();
    expect(await textOf(dialog.getByRole("alert"))).toBe("That code is incorrect or has expired");
    await enterTextedCode(page, dialog, "+12065550140");

    const mobile = tile(page, "Mobile");
    await mobile.getByText("+1 2065550140").waitFor();
    await mobile.getByText("SMS sign-in enabled", { exact: true }).waitFor();
    await expect(banner(page).count()).resolves.toBe(0);
    await screenshot(page, "security-info-phone");

    // Delete while it is the default sign-in method: refused, and the page says why.
    await mobile.getByRole("button", { name: "Delete" }).click();
    let confirm = page.getByRole("alertdialog", { name: "Delete mobile phone?" });
    await expectAccessible(page, "the delete confirmation");
    await expectNoHorizontalScroll(page, "the delete confirmation");
    await screenshot(page, "security-info-delete");
    await confirm.getByRole("button", { name: "OK" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await textOf(mobile.getByRole("alert"))).toBe(DISABLE_FIRST);
    await mobile.getByText("SMS sign-in enabled", { exact: true }).waitFor();

    // Disable: the banner offers SMS sign-in again.
    await mobile.getByRole("button", { name: "Disable" }).click();
    await mobile.getByText("SMS sign-in not enabled", { exact: true }).waitFor();
    await banner(page).waitFor();
    await mobile.getByRole("button", { name: "Enable" }).waitFor();
    await expectAccessible(page, "Security info with the banner");
    await expectNoHorizontalScroll(page, "Security info with the banner");
    await screenshot(page, "security-info-banner");

    // Enable from the banner, through its confirmation.
    await banner(page).getByRole("button", { name: "Enable" }).click();
    confirm = page.getByRole("alertdialog", { name: "Enable SMS sign-in" });
    await confirm.getByText("+1 2065550140").waitFor();
    await expectAccessible(page, "the enable confirmation");
    await expectNoHorizontalScroll(page, "the enable confirmation");
    await screenshot(page, "security-info-enable");
    await confirm.getByRole("button", { name: "Enable" }).click();
    await confirm.waitFor({ state: "detached" });
    await mobile.getByText("SMS sign-in enabled", { exact: true }).waitFor();
    await banner(page).waitFor({ state: "detached" });

    // Disable, enable from the tile (Cancel first changes nothing), disable again.
    await mobile.getByRole("button", { name: "Disable" }).click();
    await mobile.getByRole("button", { name: "Enable" }).click();
    await page.getByRole("alertdialog", { name: "Enable SMS sign-in" }).getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" });
    await mobile.getByText("SMS sign-in not enabled", { exact: true }).waitFor();
    await mobile.getByRole("button", { name: "Enable" }).click();
    await page.getByRole("alertdialog", { name: "Enable SMS sign-in" }).getByRole("button", { name: "Enable" }).click();
    await mobile.getByText("SMS sign-in enabled", { exact: true }).waitFor();
    expect((await phonesOf(AVERY)).map((p) => p.smsSignInState)).toEqual(["ready"]);
    await mobile.getByRole("button", { name: "Disable" }).click();
    await mobile.getByText("SMS sign-in not enabled", { exact: true }).waitFor();

    // Delete, confirmed with OK: the tile goes.
    await mobile.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog", { name: "Delete mobile phone?" }).getByRole("button", { name: "OK" }).click();
    await mobile.waitFor({ state: "detached" });
    await banner(page).waitFor({ state: "detached" });
    await tile(page, "Password").waitFor();
    expect(await phonesOf(AVERY)).toEqual([]);
    ui.opened!.assertClean();
  });

  it("says a number is in use by someone else: on the tile, and when enabling a number another user took meanwhile", async () => {
    await addPhoneThroughApi(ADMIN, "+1 206 555 0160", "mobile");
    const page = await openAsAvery();

    // Registering the number works, but it can't sign Avery in: the tile explains.
    const dialog = await startAddingPhone(page, "+1 206 555 0160");
    await enterTextedCode(page, dialog, "+12065550160");
    const mobile = tile(page, "Mobile");
    await mobile.getByText(NUMBER_IN_USE).waitFor();
    await mobile.getByText("SMS sign-in unavailable: number in use").waitFor();
    await expect(mobile.getByRole("button", { name: "Enable" }).count()).resolves.toBe(0);
    await expect(banner(page).count()).resolves.toBe(0);
    await expectAccessible(page, "a number in use");
    await screenshot(page, "security-info-number-in-use");

    // The other user lets the number go: Avery may enable it ...
    await removePhones(ADMIN);
    await page.reload();
    await banner(page).waitFor();
    await mobile.getByText("SMS sign-in not enabled", { exact: true }).waitFor();
    // ... but a third user takes it before Avery confirms: the API answers CONFLICT phoneNumberNotUnique.
    expect((await addPhoneThroughApi(PRIVADMIN, "+1 206 555 0160", "mobile")).smsSignInState).toBe("ready");
    await banner(page).getByRole("button", { name: "Enable" }).click();
    await page.getByRole("alertdialog", { name: "Enable SMS sign-in" }).getByRole("button", { name: "Enable" }).click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" });
    expect(await textOf(page.getByRole("alert"))).toBe(NUMBER_IN_USE);
    await mobile.getByText("SMS sign-in unavailable: number in use").waitFor();
    await banner(page).waitFor({ state: "detached" });
    await screenshot(page, "security-info-number-taken");
    ui.opened!.assertClean();
  });

  it("shows phones an administrator adds or deletes elsewhere, without a reload", async () => {
    // Pages of earlier tests have let go of their subscriptions: the one counted next is this page's.
    const deadline = Date.now() + 10_000;
    while (ui.server.app.events.subscriberCount("authenticationMethodChanged") > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(ui.server.app.events.subscriberCount("authenticationMethodChanged")).toBe(0);
    const page = await openAsAvery();
    await ui.server.waitForSubscribers("authenticationMethodChanged");

    await addPhoneThroughApi(AVERY, "+1 206 555 0170", "mobile");
    await tile(page, "Mobile").getByText("+1 2065550170").waitFor();
    await tile(page, "Mobile").getByText("SMS sign-in enabled", { exact: true }).waitFor();
    const office = await addPhoneThroughApi(AVERY, "+1 425 555 0171", "office");
    await tile(page, "Office").getByText("+1 4255550171").waitFor();
    await tile(page, "Office").getByText("SMS sign-in not available for this phone type").waitFor();
    await expect(tile(page, "Office").getByRole("button", { name: "Enable" }).count()).resolves.toBe(0);

    // In the API's order: phones (mobile, alternate mobile, office), then the password.
    const titles = await page.getByRole("group").evaluateAll((groups) =>
      groups.map((group) => group.ownerDocument.getElementById(group.getAttribute("aria-labelledby") ?? "")?.textContent ?? ""),
    );
    expect(titles.filter((t) => ["Mobile", "Alternate mobile", "Office", "Password"].includes(t))).toEqual(["Mobile", "Office", "Password"]);
    await expectAccessible(page, "Security info with phones");
    await expectNoHorizontalScroll(page, "Security info with phones");
    await screenshot(page, "security-info-desktop");

    ok(await ui.server.execute(DeletePhoneMethodDocument, { userId: AVERY, id: office.id }, { token: admin }));
    await tile(page, "Office").waitFor({ state: "detached" });
    await tile(page, "Mobile").waitFor();
    ui.opened!.assertClean();
  });

  it("prompts to register a phone while a security role enforces SMS sign-in and no mobile is registered", async () => {
    const role = ok(await ui.server.execute(SecurityRolesDocument, {}, { token: admin })).securityRoles.find((r) => r.name === "Users")!;
    ok(await ui.server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: role.id, type: "sms", enforced: true }, { token: admin }));
    ok(await ui.server.execute(AddSecurityRoleMemberDocument, { securityRoleId: role.id, userId: AVERY }, { token: admin }));
    try {
      const page = await openAsAvery(360);
      const prompt = page.getByRole("group", { name: "Register a phone" });
      await prompt.waitFor();
      await expectAccessible(page, "the register-a-phone prompt");
      await expectNoHorizontalScroll(page, "the register-a-phone prompt");
      await screenshot(page, "security-info-register-sms");

      const dialog = await startAddingPhone(page, "+1 206 555 0180");
      await enterTextedCode(page, dialog, "+12065550180");
      await tile(page, "Mobile").getByText("+1 2065550180").waitFor();
      await prompt.waitFor({ state: "detached" });
      ui.opened!.assertClean();
    } finally {
      ok(await ui.server.execute(RemoveSecurityRoleMemberDocument, { securityRoleId: role.id, userId: AVERY }, { token: admin }));
      ok(await ui.server.execute(SetAuthenticationTypeEnforcedDocument, { securityRoleId: role.id, type: "sms", enforced: false }, { token: admin }));
    }
  });
});
