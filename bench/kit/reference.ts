// A reference server (bench/reference/*.mjs) run with plain node in a process of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stopProcess, track } from "./processes.js";

export interface ReferenceServer {
  /** Its GraphQL endpoint. */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startReference(file: string, timeoutMs = 30_000): Promise<ReferenceServer> {
  const child = track(
    spawn(process.execPath, [fileURLToPath(new URL(`../reference/${file}`, import.meta.url))], {
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start:\n${out}`)), timeoutMs);
    child.stdout!.on("data", () => {
      const match = /listening at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited (${code}):\n${out}`));
    });
  }).catch(async (error) => {
    await stopProcess(child);
    throw error;
  });
  return { url, process: child, stop: () => stopProcess(child) };
}
