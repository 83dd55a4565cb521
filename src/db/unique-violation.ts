/** Whether a database error is a unique-constraint violation (Prisma's P2002, or PostgreSQL's 23505 underneath). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return e?.code === "P2002" || e?.cause?.code === "23505" || /unique constraint/i.test(e?.message ?? "");
}

/** Whether a database error is a foreign-key violation (Prisma's P2003, or PostgreSQL's 23503 underneath). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return e?.code === "P2003" || e?.cause?.code === "23503" || /foreign key/i.test(e?.message ?? "");
}

/**
 * Awaits a write whose uniqueness the database arbitrates: a unique violation becomes
 * `conflict()` (the CONFLICT the caller is told), anything else is rethrown as it is.
 */
export async function conflictOnUniqueViolation<T>(write: Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** Whether the database refused to remove the last Global Administrator (its trigger, migration 20261123030000). */
export function isLastGlobalAdministratorViolation(error: unknown): boolean {
  const e = error as { message?: string; cause?: { message?: string } };
  return /lastGlobalAdministrator/.test(`${e?.message ?? ""} ${e?.cause?.message ?? ""}`);
}
