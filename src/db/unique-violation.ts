/** Whether a database error is a unique-constraint violation (Prisma's P2002, or PostgreSQL's 23505 underneath). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return e?.code === "P2002" || e?.cause?.code === "23505" || /unique constraint/i.test(e?.message ?? "");
}

/** Whether the database refused to remove the last Global Administrator (its trigger, migration 20261123030000). */
export function isLastGlobalAdministratorViolation(error: unknown): boolean {
  const e = error as { message?: string; cause?: { message?: string } };
  return /lastGlobalAdministrator/.test(`${e?.message ?? ""} ${e?.cause?.message ?? ""}`);
}
