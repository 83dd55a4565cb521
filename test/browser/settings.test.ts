import type { Locator, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectAccessible, expectNoHorizontalScroll, screenshot, signInWithPassword } from "./kit/browser.js";
import { useConsole } from "./kit/console-lifecycle.js";

const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const MINUTE = 60_000;

/** The texts of what describes a control (aria-describedby): where a Field puts its validation message. */
async function descriptionOf(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const page = control.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

/** Waits until a control is marked invalid, then returns what describes it. */
async function fieldErrorOf(control: Locator): Promise<string> {
  await control.and(control.page().locator('[aria-invalid="true"]')).waitFor();
  return descriptionOf(control);
}

type Target = { targetType: string; id: string };
/** The API lists targets in an order of its own. */
const sorted = <T extends Target>(targets: T[]) => [...targets].sort((a, b) => `${a.targetType}:${a.id}`.localeCompare(`${b.targetType}:${b.id}`));

const checked = (control: Locator, value: boolean) => control.and(control.page().locator(value ? ":checked" : ":not(:checked)")).waitFor();

describe("console: directory settings", () => {
  const ui = useConsole();
  let admin: string;

  const api = async (query: string, variables?: Record<string, unknown>) => {
    const result = await ui.server.request(query, variables, { token: admin });
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const accounts = async (): Promise<{ id: string; name: string; endpoint: string | null; senderId: string | null; hasCredentials: boolean }[]> =>
    (await api(`{ smsGatewayAccounts { id name endpoint senderId hasCredentials } }`)).smsGatewayAccounts;
  const store = async () => (await api(`{ identityStores { id smsMessageTemplate enabledAuthenticationTypes smsGatewayAccount { id name } } }`)).identityStores[0];

  /** The console at `path`, 360 px wide, signed in as the Global Administrator. */
  async function openAsAdmin(path: string, heading: string): Promise<Page> {
    const { page } = await ui.open({ width: 360, path });
    await signInWithPassword(page, ADMIN, ui.server.passwords[ADMIN]!);
    await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
    return page;
  }

  beforeEach(async () => {
    ui.server.clock.advance(16 * MINUTE);
    admin = await ui.server.tokenFor(ADMIN);
  });

  it("creates, edits (the API's error next to its field) and deletes SMS gateway accounts; an account in use can't be deleted", async () => {
    const page = await openAsAdmin("/sms-gateways", "SMS gateways");
    const list = page.getByRole("list", { name: "Gateway accounts" });
    await list.getByRole("listitem", { name: "Development console" }).getByText("Default").waitFor();
    await expectAccessible(page, "SMS gateways");
    await expectNoHorizontalScroll(page, "SMS gateways");
    await screenshot(page, "sms-gateways");

    // Create: a webhook account needs an endpoint.
    await page.getByRole("button", { name: "New gateway account" }).click();
    const created = page.getByRole("dialog", { name: "New gateway account" });
    await created.getByRole("textbox", { name: "Name", exact: true }).fill("Wingtip webhook");
    await created.getByRole("combobox", { name: "Provider", exact: true }).selectOption("webhook");
    await created.getByLabel("Sender ID", { exact: true }).fill("Wingtip");
    await created.getByLabel("Credentials", { exact: true }).fill("hmac-signing-key");
    await created.getByRole("button", { name: "Save" }).click();
    expect(await fieldErrorOf(created.getByLabel("Endpoint", { exact: true }))).toContain("A webhook gateway account needs an endpoint");
    await expectAccessible(page, "the new gateway account form with an error");
    await expectNoHorizontalScroll(page, "the new gateway account form");
    await created.getByLabel("Endpoint", { exact: true }).fill("http://127.0.0.1:9/sms");
    await created.getByRole("button", { name: "Save" }).click();
    await created.waitFor({ state: "detached" });
    const row = list.getByRole("listitem", { name: "Wingtip webhook" });
    await row.getByText("http://127.0.0.1:9/sms").waitFor();
    await row.getByText("Set", { exact: true }).waitFor();
    const stored = (await accounts()).find((a) => a.name === "Wingtip webhook")!;
    expect(stored).toMatchObject({ endpoint: "http://127.0.0.1:9/sms", senderId: "Wingtip", hasCredentials: true });

    // Edit: the server refuses an endpoint that isn't a URL, and says so under "Endpoint".
    await row.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Wingtip webhook" });
    await edit.getByLabel("Endpoint", { exact: true }).fill("not a url");
    await edit.getByRole("button", { name: "Save" }).click();
    const endpoint = edit.getByLabel("Endpoint", { exact: true });
    expect(await fieldErrorOf(endpoint)).toContain("endpoint must be an absolute http(s) URL");
    expect(await edit.getByLabel("Sender ID", { exact: true }).getAttribute("aria-invalid")).toBeNull();
    await expectAccessible(page, "the gateway account form with the server's error");
    await screenshot(page, "sms-gateway-edit-error");
    expect((await accounts()).find((a) => a.name === "Wingtip webhook")!.endpoint).toBe("http://127.0.0.1:9/sms");

    // A correct edit, credentials left empty: the stored ones are kept.
    await endpoint.fill("http://127.0.0.1:9/v2/sms");
    await edit.getByLabel("Sender ID", { exact: true }).fill("WINGTIP");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "detached" });
    await row.getByText("http://127.0.0.1:9/v2/sms").waitFor();
    await row.getByText("WINGTIP", { exact: true }).waitFor();
    expect((await accounts()).find((a) => a.name === "Wingtip webhook")).toMatchObject({ endpoint: "http://127.0.0.1:9/v2/sms", senderId: "WINGTIP", hasCredentials: true });

    // The account the identity store sends through can't be deleted: the server's message is shown.
    const inUse = (await store()).smsGatewayAccount.name as string;
    await list.getByRole("listitem", { name: inUse }).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog", { name: "Delete gateway account" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("This SMS gateway account is used by an identity store: choose another account there first");
    expect((await accounts()).map((a) => a.name)).toContain(inUse);

    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog", { name: "Delete gateway account" }).getByRole("button", { name: "Delete" }).click();
    await row.waitFor({ state: "detached" });
    await page.getByRole("status").getByText("Deleted Wingtip webhook.").waitFor();
    expect((await accounts()).map((a) => a.name)).not.toContain("Wingtip webhook");
    ui.opened!.assertClean();
  });

  it("previews the message template live, refuses one without [Code] with the server's message, saves a valid one and the gateway account", async () => {
    const backup = await api(`mutation { createSmsGatewayAccount(input: { name: "Backup console", provider: console }) { id } }`);
    const page = await openAsAdmin("/identity-stores", "Identity stores");
    const section = page.getByRole("region", { name: STORE });
    const template = section.getByLabel("Message template", { exact: true });
    const preview = section.getByRole("group", { name: "Message preview" });
    await preview.getByText("Your verification code is 123456", { exact: true }).waitFor();
    await preview.getByText("32 of 160 characters, 1 SMS segment (GSM-7)").waitFor();
    await expectAccessible(page, "Identity stores");
    await expectNoHorizontalScroll(page, "Identity stores");
    await screenshot(page, "identity-stores");

    // Typing updates the preview and its length at once.
    await template.fill("Wingtip: [Code] is your code");
    await preview.getByText("Wingtip: 123456 is your code", { exact: true }).waitFor();
    await preview.getByText("28 of 160 characters, 1 SMS segment (GSM-7)").waitFor();
    await template.pressSequentially(" 😀");
    await preview.getByText("31 of 70 characters, 1 SMS segment (UCS-2)").waitFor();

    // Without [Code]: refused, the server's message under the template.
    await template.fill("Your code is on its way");
    await section.getByRole("button", { name: "Save" }).click();
    expect(await fieldErrorOf(template)).toContain("The message template must contain [Code] exactly once");
    expect((await store()).smsMessageTemplate).toBe("Your verification code is [Code]");

    await template.fill("Wingtip: [Code] is your code. Don't share it.");
    await section.getByLabel("Gateway account", { exact: true }).selectOption({ label: "Backup console (console)" });
    await section.getByRole("button", { name: "Save" }).click();
    await section.getByRole("status").getByText("Saved.").waitFor();
    expect(await template.getAttribute("aria-invalid")).toBeNull();
    const saved = await store();
    expect(saved.smsMessageTemplate).toBe("Wingtip: [Code] is your code. Don't share it.");
    expect(saved.smsGatewayAccount.id).toBe(backup.createSmsGatewayAccount.id);

    // A type a security role enforces can't be disabled: the switch stays on, the server says why.
    const helpdesk = (await api(`{ securityRoles { id name } }`)).securityRoles.find((r: { name: string }) => r.name === "Helpdesk").id;
    await api(`mutation($id: ID!) { setAuthenticationTypeEnforced(securityRoleId: $id, type: sms, enforced: true) { id } }`, { id: helpdesk });
    const sms = section.getByRole("switch", { name: "SMS", exact: true });
    await sms.click();
    await section.getByRole("alert").getByText("sms is enforced by a security role: stop enforcing it before disabling it").waitFor();
    await checked(sms, true);
    await api(`mutation($id: ID!) { setAuthenticationTypeEnforced(securityRoleId: $id, type: sms, enforced: false) { id } }`, { id: helpdesk });
    await sms.click();
    await checked(sms, false);
    expect((await store()).enabledAuthenticationTypes).toEqual(["password"]);
    await sms.click();
    await checked(sms, true);
    expect((await store()).enabledAuthenticationTypes).toEqual(["password", "sms"]);
    ui.opened!.assertClean();
  });

  it("enforces SMS on a security role, adds Avery as a member and removes her", async () => {
    const page = await openAsAdmin("/security-roles", "Security roles");
    const helpdesk = page.getByRole("region", { name: "Helpdesk" });
    await helpdesk.getByText("No members.").waitFor();
    await expectAccessible(page, "Security roles");
    await expectNoHorizontalScroll(page, "Security roles");

    const sms = helpdesk.getByRole("switch", { name: "SMS", exact: true });
    await sms.click();
    await checked(sms, true);
    const roles = async () => (await api(`{ securityRoles { name enforcedAuthenticationTypes members { userPrincipalName } } }`)).securityRoles.find((r: { name: string }) => r.name === "Helpdesk");
    expect((await roles()).enforcedAuthenticationTypes).toEqual(["sms"]);

    // An unknown user: the server's message.
    await helpdesk.getByLabel("Add member", { exact: true }).fill("nobody@wingtiptoysonline.com");
    await helpdesk.getByRole("button", { name: "Add", exact: true }).click();
    await helpdesk.getByRole("alert").getByText("User was not found").waitFor();

    await helpdesk.getByLabel("Add member", { exact: true }).fill(AVERY);
    await helpdesk.getByRole("button", { name: "Add", exact: true }).click();
    const members = helpdesk.getByRole("list", { name: "Members of Helpdesk" });
    await members.getByText("Avery Howard").waitFor();
    expect(await helpdesk.getByRole("alert").count()).toBe(0);
    expect((await roles()).members).toEqual([{ userPrincipalName: AVERY }]);
    await screenshot(page, "security-roles");

    await members.getByRole("button", { name: `Remove ${AVERY}` }).click();
    await helpdesk.getByText("No members.").waitFor();
    // The removed member's button is gone: the keyboard focus moves on to "Add member".
    await expect.poll(() => helpdesk.getByLabel("Add member", { exact: true }).evaluate((input) => input === document.activeElement)).toBe(true);
    expect((await roles()).members).toEqual([]);
    await sms.click();
    await checked(sms, false);
    expect((await roles()).enforcedAuthenticationTypes).toEqual([]);
    ui.opened!.assertClean();
  });

  it("changes the SMS sign-in policy's include targets and saves them", async () => {
    const helpdeskId = (await api(`{ securityRoles { id name } }`)).securityRoles.find((r: { name: string }) => r.name === "Helpdesk").id;
    const averyId = await ui.server.userId(AVERY);
    const page = await openAsAdmin("/sms-sign-in-policy", "SMS sign-in policy");
    await checked(page.getByRole("radio", { name: "Enabled" }), true);
    const first = page.getByRole("group", { name: "Target 1" });
    expect(await first.getByLabel("Group", { exact: true }).inputValue()).toBe("all_users");
    await checked(first.getByRole("switch", { name: "Usable for sign-in" }), true);
    await expectAccessible(page, "SMS sign-in policy");
    await expectNoHorizontalScroll(page, "SMS sign-in policy");

    await page.getByRole("button", { name: "Add target" }).click();
    const second = page.getByRole("group", { name: "Target 2" });
    await second.getByLabel("Group", { exact: true }).selectOption({ label: "Security role: Helpdesk" });
    await second.getByRole("switch", { name: "Usable for sign-in" }).click();
    await page.getByRole("button", { name: "Add target" }).click();
    const third = page.getByRole("group", { name: "Target 3" });
    await third.getByLabel("Target type", { exact: true }).selectOption("user");

    // A user name nobody has: the server's message next to that target.
    await third.getByLabel("User", { exact: true }).fill("nobody@wingtiptoysonline.com");
    await page.getByRole("button", { name: "Save" }).click();
    expect(await fieldErrorOf(third.getByLabel("User", { exact: true }))).toContain("User was not found");

    await third.getByLabel("User", { exact: true }).fill(AVERY);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText("Saved.").waitFor();
    // Saved user targets are ids, shown with whose they are.
    expect(await third.getByLabel("User", { exact: true }).inputValue()).toBe(averyId);
    await third.getByText(`Avery Howard (${AVERY})`).waitFor();
    await expectAccessible(page, "SMS sign-in policy, saved");
    await expectNoHorizontalScroll(page, "SMS sign-in policy, saved");
    await screenshot(page, "sms-sign-in-policy");

    const policy = (await api(`{ authenticationMethodsPolicy { sms { state includeTargets { targetType id isUsableForSignIn } } } }`)).authenticationMethodsPolicy.sms;
    expect(policy.state).toBe("enabled");
    expect(sorted(policy.includeTargets)).toEqual(
      sorted([
        { targetType: "group", id: "all_users", isUsableForSignIn: true },
        { targetType: "group", id: helpdeskId, isUsableForSignIn: false },
        { targetType: "user", id: averyId, isUsableForSignIn: true },
      ]),
    );

    // Removing a target and saving stores the shorter list.
    await page.getByRole("button", { name: "Remove target 2" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("group", { name: "Target 3" }).waitFor({ state: "detached" });
    await page.getByRole("status").getByText("Saved.").waitFor();
    const after = (await api(`{ authenticationMethodsPolicy { sms { includeTargets { targetType id } } } }`)).authenticationMethodsPolicy.sms;
    expect(sorted(after.includeTargets)).toEqual(
      sorted([
        { targetType: "group", id: "all_users" },
        { targetType: "user", id: averyId },
      ]),
    );
    ui.opened!.assertClean();
  });
});
