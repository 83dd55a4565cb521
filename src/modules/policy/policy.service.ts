import DataLoader from "dataloader";
import { canManageSettings, canReadPolicy, requireAuthenticated } from "../../auth/permissions.js";
import { badInput, forbidden } from "../../errors/domain-error.js";
import type { RequestScope } from "../users/users.service.js";
import type { PolicyRepository, StoredTarget } from "./policy.repository.js";
import { isUuid } from "../../lib/uuid.js";

export const ALL_USERS = "all_users";

export type TargetType = "user" | "group";

export interface SmsTarget {
  targetType: TargetType;
  id: string;
  isUsableForSignIn: boolean;
}

export interface SmsPolicy {
  state: "enabled" | "disabled";
  includeTargets: SmsTarget[];
}

/** Used when the database has no configuration yet: SMS off, like a new Entra tenant. */
const DEFAULT_POLICY: SmsPolicy = { state: "disabled", includeTargets: [] };

export interface PolicyLoaders {
  smsPolicy: DataLoader<"sms", SmsPolicy>;
  securityRoleIdsByUserId: DataLoader<string, string[]>;
}

/** Listeners told when the policy changed, so methods can be re-evaluated. */
export type PolicyChangeListener = (before: SmsPolicy, after: SmsPolicy) => Promise<void>;

/** The SMS authentication methods policy: who may use SMS, and who may use it to sign in. */
export function createPolicyService(deps: { repo: PolicyRepository }) {
  const { repo } = deps;
  const listeners: PolicyChangeListener[] = [];

  async function readPolicy(): Promise<SmsPolicy> {
    const row = await repo.findSmsConfiguration();
    if (!row) return DEFAULT_POLICY;
    return {
      state: row.enabled ? "enabled" : "disabled",
      includeTargets: row.targets.map((t) => ({ targetType: t.targetType as TargetType, id: t.targetId, isUsableForSignIn: t.isUsableForSignIn })),
    };
  }

  const createLoaders = (): PolicyLoaders => ({
    smsPolicy: new DataLoader(async (keys) => {
      const policy = await readPolicy();
      return keys.map(() => policy);
    }),
    securityRoleIdsByUserId: new DataLoader(async (ids) => {
      const rows = await repo.findSecurityRoleIdsByUserIds(ids);
      return ids.map((id) => rows.filter((r) => r.userId === id).map((r) => r.securityRoleId));
    }),
  });

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
    const [policy, roles] = await Promise.all([
      scope.loaders.smsPolicy.load("sms") as Promise<SmsPolicy>,
      scope.loaders.securityRoleIdsByUserId.load(userId) as Promise<string[]>,
    ]);
    return allowsSignIn(policy, userId, roles);
  }

  async function getPolicy(scope: RequestScope): Promise<SmsPolicy> {
    requireAuthenticated(scope.viewer);
    if (!canReadPolicy(scope.viewer)) throw forbidden("Reading the policy needs an administrator role or Policy.Read.All");
    return scope.loaders.smsPolicy.load("sms");
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
    const [users, roles] = await Promise.all([
      userIds.length ? repo.findExistingUserIds(userIds) : [],
      groupIds.length ? repo.findExistingSecurityRoleIds(groupIds) : [],
    ]);
    const known = new Set([...users.map((u) => u.id), ...roles.map((r) => r.id)]);
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
    await repo.replaceSmsConfiguration(input.state === "enabled", stored);
    const after = await readPolicy();
    for (const listener of listeners) await listener(before, after);
    scope.loaders.smsPolicy.clearAll();
    return after;
  }

  return {
    createLoaders,
    readPolicy,
    allowsSignIn,
    isSignInAllowed,
    getPolicy,
    updateSmsConfiguration,
    onPolicyChanged: (listener: PolicyChangeListener) => listeners.push(listener),
    findSecurityRoleIdsByUserIds: repo.findSecurityRoleIdsByUserIds,
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
