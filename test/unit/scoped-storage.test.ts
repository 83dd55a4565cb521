import { describe, expect, it } from "vitest";
import { createScopedStorage } from "../../src/lib/scoped-storage.js";

describe("scoped storage", () => {
  it("gives the store to the work and everything it awaits, and none outside", async () => {
    const storage = createScopedStorage<{ id: number }>();
    const seen: (number | undefined)[] = [];
    await storage.run({ id: 1 }, async () => {
      seen.push(storage.get()?.id);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(storage.get()?.id);
      await Promise.all([storage.run({ id: 2 }, async () => seen.push(storage.get()?.id)), Promise.resolve()]);
      seen.push(storage.get()?.id);
    });
    expect(seen).toEqual([1, 1, 2, 1]);
    expect(storage.get()).toBeUndefined();
  });

  it("counts overlapping runs and is switched off once the last one settles, fulfilled, rejected or synchronous", async () => {
    const storage = createScopedStorage<string>();
    let release!: () => void;
    const slow = storage.run("a", () => new Promise<void>((resolve) => (release = resolve)));
    const failing = storage.run("b", async () => {
      throw new Error("refused");
    });
    expect(storage.running()).toBe(2);
    await expect(failing).rejects.toThrow("refused");
    expect(storage.running()).toBe(1);
    expect(storage.run("c", () => storage.get())).toBe("c");
    expect(() => storage.run("d", () => { throw new Error("sync"); })).toThrow("sync");
    expect(storage.running()).toBe(1);
    release();
    await slow;
    expect(storage.running()).toBe(0);
    // A callback that fires after its work settled finds no store (documented).
    let late: string | undefined = "unset";
    await storage.run("e", async () => void setTimeout(() => (late = storage.get()), 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(late).toBeUndefined();
  });
});
