import type { DirectoryRoleName } from "../generated/prisma/enums.js";

/** Who is calling: a signed-in user (delegated token) or an application (app-only token). */
export type Viewer =
  | { kind: "user"; userId: string; scopes: ReadonlySet<string>; directoryRoles: ReadonlySet<DirectoryRoleName>; tokenId?: string; sessionId?: string; issuedAtMs?: number; expiresAtMs?: number }
  | { kind: "app"; appId: string; permissions: ReadonlySet<string>; expiresAtMs?: number }
  | { kind: "anonymous" };
