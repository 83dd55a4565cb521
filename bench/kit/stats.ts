// Figures: percentiles, and the lines `npm run bench` prints (each figure beside its reference).

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export const median = (values: number[]) => percentile(values, 50);

export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;

export const envCount = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return value;
};

const summary: string[] = [];

/** One figure: `P1 what value | reference value | ratio (target)`, printed now and again in the summary. */
export function printFigure(...parts: string[]): void {
  const line = parts.filter(Boolean).join(" | ");
  summary.push(line);
  console.log(line);
}

/** A detail under a figure (where the time goes), printed indented and not repeated in the summary. */
export const detail = (text: string) => console.log(`    ${text}`);

export function printSummary(): void {
  if (summary.length === 0) return;
  console.log("\nSummary");
  for (const line of summary) console.log(`  ${line}`);
}
