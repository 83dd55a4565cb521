export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

// Field names whose values must never reach a log line.
const SECRET_KEYS = /pass(word)?|secret|token|credential|code|authorization|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  if (!value || typeof value !== "object" || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEYS.test(key) && key !== "statusCode" ? "[redacted]" : redact(v, depth + 1)]),
  );
}

/** JSON-lines logger on stderr that redacts secret-looking fields. */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line + "\n")): Logger {
  const at = (lvl: Exclude<LogLevel, "silent">) => (fields: object, message?: string) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ level: lvl, time: new Date().toISOString(), msg: message, ...(redact(fields) as object) }));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
