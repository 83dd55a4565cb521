import { describe, expect, it } from "vitest";
import { AddPhoneMethodDocument } from "../generated/graphql.js";
import { expectAccessible, expectNoHorizontalScroll, screenshot, signInWithPassword } from "./kit/browser.js";
import { useConsole } from "./kit/console-lifecycle.js";

const AVERY = "avery.howard@wingtiptoysonline.com";
const ADMIN = "admin@wingtiptoysonline.com";

describe("the offline explorer at /explorer", () => {
  const ui = useConsole();

  // The editors wrap long lines on narrow panes: compare their text without white space.
  const textOf = async (locator: import("playwright-core").Locator) => ((await locator.textContent()) ?? "").replace(/\s+/g, "");

  /** The text of GraphiQL's result pane (without white space) once it contains `expected`. */
  async function resultContaining(page: import("playwright-core").Page, expected: string): Promise<string> {
    const result = page.locator(".graphiql-response");
    await expect.poll(() => textOf(result), { timeout: 15_000 }).toContain(expected.replace(/\s+/g, ""));
    return textOf(result);
  }

  /** Runs what the operation editor holds, once it holds `operation`. */
  async function execute(page: import("playwright-core").Page, operation: string) {
    await expect.poll(() => textOf(page.locator(".graphiql-query-editor")), { timeout: 15_000 }).toContain(operation.replace(/\s+/g, ""));
    await page.getByRole("button", { name: /execute query/i }).click();
  }

  it("runs a query with the bearer token from the headers editor, with nothing fetched from the internet", async () => {
    // Signed in to the console in this tab: the explorer starts with that token in its headers.
    const opened = await ui.open();
    const { page } = opened;
    await signInWithPassword(page, AVERY, ui.server.passwords[AVERY]!);
    await page.goto(`${ui.origin}/explorer`);
    await execute(page, "query Me");
    const result = await resultContaining(page, AVERY);
    expect(result).toContain('"userPrincipalName"');
    await screenshot(page, "explorer");
    await expectAccessible(page, "the explorer");
    opened.assertClean();
    await opened.close();
  });

  it("answers without a token with the API's UNAUTHENTICATED error, and shows it below the editors at 360 px", async () => {
    const opened = await ui.open({ path: "/explorer", width: 360 });
    const { page } = opened;
    await execute(page, "query Me");
    await resultContaining(page, "UNAUTHENTICATED");
    const [editors, response] = await Promise.all([page.locator(".graphiql-editors").boundingBox(), page.locator(".graphiql-response").boundingBox()]);
    expect(response!.y).toBeGreaterThanOrEqual(editors!.y + editors!.height - 1);
    expect(response!.width).toBeGreaterThan(250);
    await expectNoHorizontalScroll(page, "the explorer");
    await expectAccessible(page, "the explorer at 360 px");
    await screenshot(page, "explorer-phone");
    opened.assertClean();
    await opened.close();
  });

  it("runs a subscription over graphql-ws and shows each event as it arrives", async () => {
    const opened = await ui.open();
    const { page } = opened;
    await signInWithPassword(page, AVERY, ui.server.passwords[AVERY]!);
    const subscription = "subscription Changes { authenticationMethodsChanged { kind method { ... on PhoneAuthenticationMethod { phoneNumber } } } }";
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));
    await page.goto(`${ui.origin}/explorer?query=${encodeURIComponent(subscription)}`);
    // The console page subscribed to Avery's changes too: wait until leaving it closed that.
    await expect.poll(() => ui.server.app.events.subscriberCount("authenticationMethodChanged"), { timeout: 10_000 }).toBe(0);
    await execute(page, "subscription Changes");
    await ui.server.waitForSubscribers("authenticationMethodChanged");
    expect(new Set(sockets)).toEqual(new Set([`${ui.origin.replace("http", "ws")}/graphql`]));

    const admin = await ui.server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const added = await ui.server.execute(AddPhoneMethodDocument, { userId: AVERY, input: { phoneNumber: "+1 4255550142", phoneType: "office" } }, { token: admin });
    expect(added.errors).toBeUndefined();
    const result = await resultContaining(page, "+1 4255550142");
    expect(result).toContain('"kind":"added"');
    await screenshot(page, "explorer-subscription");
    opened.assertClean();
    await opened.close();
  });
});
