// Every process the bench starts is tracked here, so that it can be stopped at the end, on an
// error, or on Ctrl-C: no gateway, reference server or client process may outlive the bench.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

const running = new Set<ChildProcess>();

export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM (a gateway shuts down cleanly, stopping its embedded database if it is the last one), then SIGKILL after `timeoutMs`. */
export async function stopProcess(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** SIGTERM to every tracked process now, synchronously (the first thing done on Ctrl-C). */
export function signalAllProcesses(): void {
  for (const child of running) if (!hasExited(child)) child.kill("SIGTERM");
}

export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

/** Resident memory of a process from /proc: VmRSS, and the proportional set size (PSS), in kB. */
export function memoryKb(pid: number): { rss: number; pss: number } {
  const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN);
  const pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? Number.NaN);
  return { rss, pss };
}

/** CPU time a process has used, every thread included (user + system), in ms: /proc's clock ticks at Linux's usual 100 Hz. */
export function cpuMs(pid: number): number {
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
