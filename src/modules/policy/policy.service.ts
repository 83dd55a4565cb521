import { canManageSettings, canReadPolicy, requireAuthenticated } from "../../auth/permissions.js";
import { badInput, forbidden } from "../../errors/domain-error.js";
import { isUuid } from "../../lib/uuid.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { RequestScope } from "../request-scope.js";
import type { UsersService } from "../users/users.service.js";
import { SMS_CONFIGURATION_ID, type PolicyRepository, type StoredTarget } from "./policy.repository.js";
import { ALL_USERS, type AuthenticationMethodTargetType, type SmsPolicy, type SmsTarget } from "./sms-policy.js";

/** Used when the database has no configuration yet: SMS off, like a new Entra tenant. */
const DEFAULT_POLICY: SmsPolicy = { state: "disabled", includeTargets: [] };

/** Listeners told when the policy changed, so methods can be re-evaluated. */
const POLICY_FRESH_MS = 100;

export type PolicyChangeListener = (before: SmsPolicy, after: SmsPolicy) => Promise<void>;

/** The SMS authentication methods policy: who may use SMS, and who may use it to sign in. */
export function createPolicyService(deps: {
  audit: Pick<AuditTrail, "record" | "transaction">;
  repo: PolicyRepository;
  users: Pick<UsersService, "findExistingUserIds">;
  /** Security roles and their members belong to the directory settings. */
  securityRoles: Pick<DirectorySettingsService, "findExistingSecurityRoleIds" | "findSecurityRoleIdsByUserIds" | "securityRoleIdsOf">;
}) {
  const { audit, repo, users, securityRoles } = deps;
  const listeners: PolicyChangeListener[] = [];

  async function readPolicy(): Promise<SmsPolicy> {
    const row = await repo.findSmsConfiguration();
    if (!row) return DEFAULT_POLICY;
    return {
      state: row.enabled ? "enabled" : "disabled",
      // Stored as text; only this service writes it, from validated targets.
      includeTargets: row.targets.map((t) => ({ targetType: t.targetType as AuthenticationMethodTargetType, id: t.targetId, isUsableForSignIn: t.isUsableForSignIn })),
    };
  }

  // Read by every request that shows an SMS sign-in state: one read serves this process for
  // POLICY_FRESH_MS, so a change made on another instance holds here within that bound, and a
  // change made here at once.
  let shared: { policy: Promise<SmsPolicy>; readAt: number } | undefined;
  function currentPolicy(): Promise<SmsPolicy> {
    const now = performance.now();
    if (!shared || now - shared.readAt > POLICY_FRESH_MS) {
      const policy = readPolicy();
      shared = { policy, readAt: now };
      policy.catch(() => {
        if (shared?.policy === policy) shared = undefined;
      });
    }
    return shared.policy;
  }

  /** Pure rule: is SMS sign-in allowed for a user with these security roles under this policy? */
  function allowsSignIn(policy: SmsPolicy, userId: string, securityRoleIds: readonly string[]): boolean {
    if (policy.state !== "enabled") return false;
    return policy.includeTargets.some(
      (t) =>
        t.isUsableForSignIn &&
        (t.id === ALL_USERS || (t.targetType === "user" ? t.id === userId : securityRoleIds.includes(t.id))),
    );
  }

  async function isSignInAllowed(scope: RequestScope, userId: string): Promise<boolean> {
    const policy = await currentPolicy();
    // The user's security roles are read only when the policy's answer depends on them.
    if (allowsSignIn(policy, userId, [])) return true;
    if (policy.state !== "enabled" || !policy.includeTargets.some((t) => t.isUsableForSignIn && t.targetType !== "user" && t.id !== ALL_USERS)) return false;
    return allowsSignIn(policy, userId, await securityRoles.securityRoleIdsOf(scope, userId));
  }

  async function getPolicy(scope: RequestScope): Promise<SmsPolicy> {
    requireAuthenticated(scope.viewer);
    if (!canReadPolicy(scope.viewer)) throw forbidden("Reading the policy needs an administrator role or Policy.Read.All");
    return currentPolicy();
  }

  async function validateTargets(targets: SmsTarget[]): Promise<StoredTarget[]> {
    if (targets.length > 200) throw badInput("At most 200 include targets", { field: "includeTargets" });
    const seen = new Set<string>();
    for (const t of targets) {
      const key = `${t.targetType}:${t.id}`;
      if (seen.has(key)) throw badInput(`Target ${t.id} is listed twice`, { field: "includeTargets" });
      seen.add(key);
    }
    const userIds = targets.filter((t) => t.targetType === "user" && t.id !== ALL_USERS).map((t) => t.id);
    const badUser = userIds.find((id) => !isUuid(id));
    if (badUser !== undefined) throw badInput(`Target ${badUser} is not a user id`, { field: "includeTargets", reason: "unknownTarget" });
    const groupIds = targets.filter((t) => t.targetType === "group" && t.id !== ALL_USERS).map((t) => t.id);
    const [existingUsers, existingRoles] = await Promise.all([
      userIds.length ? users.findExistingUserIds(userIds) : [],
      groupIds.length ? securityRoles.findExistingSecurityRoleIds(groupIds) : [],
    ]);
    const known = new Set([...existingUsers.map((u) => u.id), ...existingRoles.map((r) => r.id)]);
    const unknown = [...userIds, ...groupIds].find((id) => !known.has(id));
    if (unknown !== undefined) throw badInput(`Target ${unknown} does not exist`, { field: "includeTargets", reason: "unknownTarget" });
    return targets.map((t) => ({ targetType: t.targetType, targetId: t.id, isUsableForSignIn: t.isUsableForSignIn }));
  }

  async function updateSmsConfiguration(scope: RequestScope, input: SmsPolicy): Promise<SmsPolicy> {
    requireAuthenticated(scope.viewer);
    if (!canManageSettings(scope.viewer)) {
      throw forbidden("Changing the policy needs the Global Administrator role or Policy.ReadWrite.AuthenticationMethod");
    }
    const stored = await validateTargets(input.includeTargets);
    const before = await readPolicy();
    await audit.transaction(async (tx) => {
      await repo.replaceSmsConfiguration(input.state === "enabled", stored);
      await audit.record(tx, {
        origin: scope,
        activity: "policy.smsUpdated",
        targetId: SMS_CONFIGURATION_ID,
        detail: { previousState: before.state, state: input.state, includeTargets: stored },
      });
    });
    shared = undefined;
    const after = await readPolicy();
    for (const listener of listeners) await listener(before, after);
    return after;
  }

  return {
    readPolicy,
    allowsSignIn,
    isSignInAllowed,
    getPolicy,
    updateSmsConfiguration,
    onPolicyChanged: (listener: PolicyChangeListener) => listeners.push(listener),
    findSecurityRoleIdsByUserIds: securityRoles.findSecurityRoleIdsByUserIds,
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
