import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AddPhoneMethodDocument } from "../generated/graphql.js";
import { deliveredSms } from "../kit/sms-deliveries.js";
import { codeIn } from "../kit/sms-gateway-stub.js";
import { expectAccessible, expectNoHorizontalScroll, screenshot, signInWithPassword } from "./kit/browser.js";
import { useConsole } from "./kit/console-lifecycle.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const MINUTE = 60_000;

describe("console: signing in", () => {
  const ui = useConsole();

  beforeAll(async () => {
    const avery = await ui.server.tokenFor(AVERY);
    const added = await ui.server.execute(AddPhoneMethodDocument, { input: { phoneNumber: "+1 2065550123", phoneType: "mobile" } }, { token: avery });
    expect(added.data!.addPhoneMethod.smsSignInState).toBe("ready");
  });
  beforeEach(() => {
    ui.server.clock.advance(16 * MINUTE);
  });

  it("shows the sign-in page offline, accessible at 360 px, and refuses a wrong password without saying which part was wrong", async () => {
    const opened = await ui.open({ width: 360 });
    const { page } = opened;
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectAccessible(page, "the sign-in page");
    await expectNoHorizontalScroll(page, "the sign-in page");
    await screenshot(page, "sign-in");

    await page.getByLabel("User name").fill(AVERY);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("That user name or password is incorrect");
    opened.assertClean();
  });

  it("signs in with a password, lands on Security info, and signs out, the server revoking the token", async () => {
    const opened = await ui.open();
    const { page } = opened;
    await signInWithPassword(page, AVERY, ui.server.passwords[AVERY]!);
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    expect((await opened.context.cookies()).length).toBe(0);
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem("authgate.session")!) as { accessToken: string }).accessToken);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // Signed out on the server too: the token is refused from now on, not only forgotten.
    const after = await ui.server.request("{ me { id } }", {}, { token });
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    opened.assertClean();
  });

  it("says how long to wait once the account is locked, and the right password doesn't get past it", async () => {
    const PRIVADMIN = "privadmin@wingtiptoysonline.com";
    const opened = await ui.open({ width: 360 });
    const { page } = opened;
    const attempt = async (password: string) => {
      await page.getByLabel("User name").fill(PRIVADMIN);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    await attempt("wrong");
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("That user name or password is incorrect");
    // Four more wrong guesses from elsewhere reach the limit (5).
    for (let i = 0; i < 4; i++) {
      const guess = await ui.server.request(`mutation($u: String!) { signInWithPassword(userPrincipalName: $u, password: "wrong") { isVerified } }`, { u: PRIVADMIN });
      expect(guess.data.signInWithPassword.isVerified).toBe(false);
    }
    await attempt(ui.server.passwords[PRIVADMIN]!);
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/^Too many attempts, try again in \d+ minutes?$/);
    await expect(page.getByRole("button", { name: "Sign out" }).count()).resolves.toBe(0);
    opened.assertClean();
  });

  it("signs in with a code texted to the phone number", async () => {
    const opened = await ui.open({ width: 360 });
    const { page } = opened;
    await page.getByRole("button", { name: "Use your phone number instead" }).click();
    await page.getByLabel("Phone number").fill("+1 206 555 0123");
    await page.getByRole("button", { name: "Send code" }).click();
    await page.getByLabel("Code").waitFor();
    await screenshot(page, "sign-in-phone");
    await page.getByLabel("Code").fill("000000");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("That code is incorrect or has expired");

    const sms = (await deliveredSms(ui.server, "+12065550123"))!;
    await page.getByLabel("Code").fill(codeIn(sms.body));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Security info" }).waitFor();
    opened.assertClean();
  });
});
