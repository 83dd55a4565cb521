import { afterEach, describe, expect, it, vi } from "vitest";
import { createEarlyHashes } from "../../src/modules/password-methods/early-hashes.js";

describe("early hashes", () => {
  afterEach(() => vi.useRealTimers());
  const hasher = () => {
    const passwords: string[] = [];
    return { passwords, hash: async (password: string) => (passwords.push(password), `hash(${password})`) };
  };

  it("gives the hash begun for an operation to that operation once", async () => {
    const h = hasher();
    const early = createEarlyHashes(h);
    early.begin("Passw0rd-one").keep("op-1");
    expect(early.take("op-2")).toBeUndefined();
    expect(await early.take("op-1")).toBe("hash(Passw0rd-one)");
    expect(h.passwords).toEqual(["Passw0rd-one"]);
    expect(early.take("op-1")).toBeUndefined();
    expect(early.size()).toBe(0);
  });

  it("drops a hash no worker here took (another instance claimed the operation), and one never kept", async () => {
    vi.useFakeTimers();
    const early = createEarlyHashes(hasher(), 1_000);
    early.begin("Passw0rd-two").keep("op-2");
    early.begin("Passw0rd-three");
    expect(early.size()).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(early.size()).toBe(0);
    expect(early.take("op-2")).toBeUndefined();
  });

  it("a failed hash rejects only for the operation that takes it", async () => {
    const early = createEarlyHashes({ hash: () => Promise.reject(new Error("no memory")) });
    early.begin("Passw0rd-four").keep("op-4");
    await new Promise((resolve) => setImmediate(resolve));
    await expect(early.take("op-4")).rejects.toThrow("no memory");
  });

  it("hashes one at a time, so a burst of resets leaves the hasher's other slots to sign-ins", async () => {
    let running = 0;
    let most = 0;
    const finishers: (() => void)[] = [];
    const early = createEarlyHashes({
      hash: (password) => {
        running++;
        most = Math.max(most, running);
        return new Promise<string>((resolve) => finishers.push(() => (running--, resolve(`hash(${password})`))));
      },
    });
    for (let i = 0; i < 5; i++) early.begin(`Passw0rd-${i}`).keep(`op-${i}`);
    const hashes = Array.from({ length: 5 }, (_, i) => early.take(`op-${i}`)!);
    for (let i = 0; i < 5; i++) {
      await expect.poll(() => finishers.length).toBe(i + 1);
      finishers[i]!();
    }
    expect(await Promise.all(hashes)).toEqual(["hash(Passw0rd-0)", "hash(Passw0rd-1)", "hash(Passw0rd-2)", "hash(Passw0rd-3)", "hash(Passw0rd-4)"]);
    expect(most).toBe(1);
  });
});
