import { describe, expect, it } from "vitest";
import { createCallerCache } from "../../src/auth/caller-cache.js";
import { forgettingOnPublish } from "../../src/events/user-memory.js";
import { createLocalFanout, type EventBus } from "../../src/events/event-bus.js";

/** A bus whose feed can be cut, delivering published events in this process (as LISTEN/NOTIFY would, later). */
function testBus() {
  const fanout = createLocalFanout();
  let live = true;
  const interrupted: (() => void)[] = [];
  const bus: EventBus = {
    publish: async (topic, payload) => fanout.deliver(topic, payload),
    notification: (topic, payload) => ({ channel: "test", payload: JSON.stringify({ topic, payload }) }),
    subscribe: fanout.subscribe,
    observe: fanout.observe,
    subscriberCount: fanout.subscriberCount,
    feedIsLive: () => live,
    onFeedInterrupted: (listener) => void interrupted.push(listener),
    // As the PostgreSQL bus: closed, it is not live, and says its feed was interrupted.
    close: async () => {
      live = false;
      for (const listener of interrupted) listener();
      await fanout.closeAll();
    },
  };
  return {
    bus,
    cut() {
      live = false;
      for (const listener of interrupted) listener();
    },
    restore: () => void (live = true),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("caller cache", () => {
  const row = (roles: string[]) => ({ id: "u1", directoryRoles: roles });

  it("reads once per user and session, then answers from memory with frozen values", async () => {
    const { bus } = testBus();
    const cache = createCallerCache<ReturnType<typeof row>>(bus);
    // It hears events as an observer: not a subscriber (counts of subscribers are clients').
    expect(bus.subscriberCount("userAccessChanged")).toBe(0);
    let reads = 0;
    const read = async () => (reads++, row(["A"]));
    const first = await cache.load("u1", "s1", read);
    expect(await cache.load("u1", "s1", read)).toBe(first);
    await cache.load("u1", "s2", read);
    expect(reads).toBe(2);
    expect(Object.isFrozen(first) && Object.isFrozen(first!.directoryRoles)).toBe(true);
    await bus.close();
  });

  it("forgets a user when an event about their access is heard or published here", async () => {
    const { bus } = testBus();
    const cache = createCallerCache<ReturnType<typeof row>>(bus);
    let roles = ["A"];
    const read = async () => row(roles);
    await cache.load("u1", "s1", read);
    roles = ["B"];
    await bus.publish("userAccessChanged", { userId: "u1", change: "directoryRolesChanged" });
    await settle();
    expect((await cache.load("u1", "s1", read))!.directoryRoles).toEqual(["B"]);

    // Published through the forgetting bus: forgotten before the event goes out.
    const silent: EventBus = { ...bus, publish: async () => {} };
    roles = ["C"];
    const outsideTransactions = { afterCommit: async (fn: () => unknown) => void fn() };
    await forgettingOnPublish(silent, [cache], outsideTransactions).publish("sessionEnded", { userId: "u1", sessionId: "s1" });
    expect((await cache.load("u1", "s1", read))!.directoryRoles).toEqual(["C"]);

    // Published inside a transaction: a read made before it commits still sees the old state,
    // so the user is forgotten again at the commit.
    const commitHooks: (() => unknown)[] = [];
    const inTransaction = { afterCommit: async (fn: () => unknown) => void commitHooks.push(fn) };
    await forgettingOnPublish(silent, [cache], inTransaction).publish("sessionEnded", { userId: "u1", sessionId: "s1" });
    expect((await cache.load("u1", "s1", read))!.directoryRoles).toEqual(["C"]);
    roles = ["D"];
    for (const hook of commitHooks) await hook();
    expect((await cache.load("u1", "s1", read))!.directoryRoles).toEqual(["D"]);
    await bus.close();
  });

  it("does not keep a read that overlapped a change, nor what was read while the bus was not hearing events", async () => {
    const { bus, cut, restore } = testBus();
    const cache = createCallerCache<ReturnType<typeof row>>(bus);
    let release!: () => void;
    const slow = () => new Promise<ReturnType<typeof row>>((resolve) => (release = () => resolve(row(["old"]))));
    const pending = cache.load("u1", "s1", slow);
    cache.forgetUser("u1");
    release();
    expect((await pending)!.directoryRoles).toEqual(["old"]);
    expect((await cache.load("u1", "s1", async () => row(["new"])))!.directoryRoles).toEqual(["new"]);

    cut();
    let reads = 0;
    const counted = async () => (reads++, row(["x"]));
    await cache.load("u2", "s1", counted);
    await cache.load("u2", "s1", counted);
    expect(reads).toBe(2);
    // Cutting the feed also forgot what was remembered.
    expect((await cache.load("u1", "s1", async () => row(["after-cut"])))!.directoryRoles).toEqual(["after-cut"]);
    restore();
    await cache.load("u2", "s1", counted);
    await cache.load("u2", "s1", counted);
    expect(reads).toBe(3);
    await bus.close();
  });

  it("reads again after its time to live, and remembers nothing once the bus closed", async () => {
    const { bus } = testBus();
    let now = 0;
    const cache = createCallerCache<ReturnType<typeof row>>(bus, { ttlMs: 1_000, now: () => now });
    let reads = 0;
    const read = async () => (reads++, row(["A"]));
    await cache.load("u1", "s1", read);
    now = 999;
    await cache.load("u1", "s1", read);
    now = 1_000;
    await cache.load("u1", "s1", read);
    expect(reads).toBe(2);
    await bus.close();
    await settle();
    await cache.load("u1", "s1", read);
    await cache.load("u1", "s1", read);
    expect(reads).toBe(4);
  });
});
