import type { DirectoryRole } from "../graphql.js";

/** Directory roles as the console names them (Microsoft Entra's names). */
export const ROLE_NAMES: Record<DirectoryRole, string> = {
  GLOBAL_ADMINISTRATOR: "Global Administrator",
  PRIVILEGED_AUTHENTICATION_ADMINISTRATOR: "Privileged Authentication Administrator",
  AUTHENTICATION_ADMINISTRATOR: "Authentication Administrator",
};

/** "Global Administrator, Authentication Administrator", or "No administrator role". */
export function rolesInWords(roles: readonly DirectoryRole[]): string {
  return roles.length === 0 ? "No administrator role" : roles.map((role) => ROLE_NAMES[role] ?? role).join(", ");
}
