import DataLoader from "dataloader";
import { canManageSettings, canReadSettings, requireAuthenticated } from "../../auth/permissions.js";
import { badInput, DomainError, forbidden, notFound } from "../../errors/domain-error.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { RequestScope } from "../request-scope.js";
import type { SmsGatewaysService } from "../sms-gateways/sms-gateways.service.js";
import type { UsersService } from "../users/users.service.js";
import { AuthenticationType } from "./authentication-type.js";
import type { DirectorySettingsRepository, IdentityStoreRecord, SecurityRoleMemberRecord, SecurityRoleRecord } from "./directory-settings.repository.js";
import type { IdentityStoreSmsSettingsInput } from "./identity-store.input.js";
import { validateAllowedCountryCallingCodes, validateSmsDailyLimit } from "./sms-destination-policy.js";
import { validateSmsTemplate } from "./sms-template.js";

const AUTHENTICATION_TYPES: readonly AuthenticationType[] = Object.values(AuthenticationType);

export const enabledTypesOf = (store: IdentityStoreRecord): AuthenticationType[] =>
  AUTHENTICATION_TYPES.filter((t) => (t === "password" ? store.passwordEnabled : store.smsEnabled));

export const enforcedTypesOf = (role: SecurityRoleRecord): AuthenticationType[] =>
  AUTHENTICATION_TYPES.filter((t) => (t === "password" ? role.enforcePassword : role.enforceSms));

/** Omitted: unchanged; null (every country) is stored as an empty list. */
function allowListColumn(codes: string[] | null | undefined): string[] | undefined {
  if (codes === undefined) return undefined;
  return codes === null ? [] : validateAllowedCountryCallingCodes(codes);
}

/**
 * Directory settings (spec section 8): identity stores (enabled authentication types, SMS gateway,
 * template, destination countries and daily caps) and security roles (enforced types, members),
 * and the sign-in rules that follow.
 */
export function createDirectorySettingsService(deps: {
  audit: Pick<AuditTrail, "record" | "transaction">;
  repo: DirectorySettingsRepository;
  gateways: Pick<SmsGatewaysService, "findDefaultGatewayAccount" | "findGatewayAccountById">;
  users: Pick<UsersService, "findUser">;
}) {
  const { audit, repo, gateways, users } = deps;

  const createLoaders = () => ({
    securityRoleIdsByUserId: new DataLoader<string, string[]>(async (ids) => {
      const rows = await repo.findSecurityRoleIdsByUserIds(ids);
      return ids.map((id) => rows.filter((r) => r.userId === id).map((r) => r.securityRoleId));
    }),
    membersBySecurityRoleId: new DataLoader<string, SecurityRoleMemberRecord[]>(async (ids) => {
      const rows = await repo.findMembersBySecurityRoleIds(ids);
      return ids.map((id) => rows.filter((r) => r.securityRoleId === id));
    }),
  });
  const loaders = (scope: RequestScope) => scope.loaders.get(createLoaders);

  function requireReader(scope: RequestScope) {
    requireAuthenticated(scope.viewer);
    if (!canReadSettings(scope.viewer)) throw forbidden("Directory settings need the Global Administrator role or Policy.ReadWrite.AuthenticationMethod");
  }

  function requireManager(scope: RequestScope) {
    requireAuthenticated(scope.viewer);
    if (!canManageSettings(scope.viewer)) throw forbidden("Changing directory settings needs the Global Administrator role or Policy.ReadWrite.AuthenticationMethod");
  }

  function assertKnownType(type: AuthenticationType) {
    if (!AUTHENTICATION_TYPES.includes(type)) throw badInput("Unknown authentication type", { field: "type" });
  }

  async function findStore(ref: string): Promise<IdentityStoreRecord> {
    const store = await repo.findIdentityStoreByIdOrName(ref.trim());
    if (!store) throw notFound("Identity store");
    return store;
  }

  async function findRole(ref: string): Promise<SecurityRoleRecord> {
    const role = await repo.findSecurityRoleByIdOrName(ref.trim());
    if (!role) throw notFound("Security role");
    return role;
  }

  async function listIdentityStores(scope: RequestScope) {
    requireReader(scope);
    return repo.findAllIdentityStores();
  }

  async function listSecurityRoles(scope: RequestScope) {
    requireReader(scope);
    return repo.findAllSecurityRoles();
  }

  /** A role's members (users), ordered by userPrincipalName: one statement for every role a request reads. */
  async function membersOf(scope: RequestScope, securityRoleId: string): Promise<SecurityRoleMemberRecord[]> {
    requireReader(scope);
    return loaders(scope).membersBySecurityRoleId.load(securityRoleId);
  }

  async function updateIdentityStoreSmsSettings(scope: RequestScope, storeRef: string, input: IdentityStoreSmsSettingsInput): Promise<IdentityStoreRecord> {
    requireManager(scope);
    const store = await findStore(storeRef);
    const smsMessageTemplate = validateSmsTemplate(input.smsMessageTemplate);
    const destinations = {
      smsAllowedCountryCallingCodes: allowListColumn(input.smsAllowedCountryCallingCodes),
      smsDailyLimitPerCountry: input.smsDailyLimitPerCountry == null ? undefined : validateSmsDailyLimit(input.smsDailyLimitPerCountry, "smsDailyLimitPerCountry"),
      smsDailyLimitPerPrefix: input.smsDailyLimitPerPrefix == null ? undefined : validateSmsDailyLimit(input.smsDailyLimitPerPrefix, "smsDailyLimitPerPrefix"),
    };
    let smsGatewayAccountId = store.smsGatewayAccountId;
    if (input.smsGatewayAccountId) {
      const account = await gateways.findGatewayAccountById(input.smsGatewayAccountId.trim());
      if (!account) throw badInput("No SMS gateway account has this id", { field: "smsGatewayAccountId", reason: "unknownGatewayAccount" });
      smsGatewayAccountId = account.id;
    }
    // A store that never chose an account takes the default, as a new store does.
    smsGatewayAccountId ??= (await gateways.findDefaultGatewayAccount())?.id ?? null;
    const settings = { smsGatewayAccountId, smsMessageTemplate, ...destinations };
    return audit.transaction(async (tx) => {
      const updated = await repo.updateIdentityStoreSmsSettings(store.id, settings);
      await audit.record(tx, { origin: scope, activity: "identityStore.smsSettingsUpdated", targetId: store.id, detail: settings });
      return updated;
    });
  }

  async function setAuthenticationTypeEnabled(scope: RequestScope, storeRef: string, type: AuthenticationType, enabled: boolean): Promise<IdentityStoreRecord> {
    requireManager(scope);
    assertKnownType(type);
    const store = await findStore(storeRef);
    if (!enabled && (await repo.countSecurityRolesEnforcing(type)) > 0) {
      throw new DomainError("PRECONDITION_FAILED", `${type} is enforced by a security role: stop enforcing it before disabling it`, {
        reason: "authenticationTypeEnforced",
      });
    }
    const defaultAccount = enabled && type === "sms" && !store.smsGatewayAccountId ? await gateways.findDefaultGatewayAccount() : null;
    return audit.transaction(async (tx) => {
      const updated = await repo.setIdentityStoreTypeEnabled(store.id, type, enabled, defaultAccount?.id);
      await audit.record(tx, { origin: scope, activity: "identityStore.authenticationTypeChanged", targetId: store.id, detail: { type, enabled } });
      return updated;
    });
  }

  async function setAuthenticationTypeEnforced(scope: RequestScope, roleRef: string, type: AuthenticationType, enforced: boolean): Promise<SecurityRoleRecord> {
    requireManager(scope);
    assertKnownType(type);
    const role = await findRole(roleRef);
    // The mirror of "an enforced type can't be disabled": a type disabled somewhere can't be enforced.
    if (enforced && (await repo.countIdentityStoresWithTypeDisabled(type)) > 0) {
      throw new DomainError("PRECONDITION_FAILED", `${type} is disabled on an identity store: enable it before enforcing it`, {
        reason: "authenticationTypeDisabled",
      });
    }
    return audit.transaction(async (tx) => {
      const updated = await repo.setSecurityRoleTypeEnforced(role.id, type, enforced);
      await audit.record(tx, { origin: scope, activity: "securityRole.enforcementChanged", targetId: role.id, detail: { type, enforced } });
      return updated;
    });
  }

  async function changeMembership(scope: RequestScope, roleRef: string, userRef: string, member: boolean): Promise<SecurityRoleRecord> {
    requireManager(scope);
    const role = await findRole(roleRef);
    const user = await users.findUser(scope, userRef);
    if (!user) throw notFound("User");
    await audit.transaction(async (tx) => {
      if (member) await repo.addSecurityRoleMember(role.id, user.id);
      else await repo.removeSecurityRoleMember(role.id, user.id);
      await audit.record(tx, { origin: scope, activity: member ? "securityRole.memberAdded" : "securityRole.memberRemoved", targetUserId: user.id, targetId: role.id });
    });
    // SMS sign-in policy targets security roles, so the policy's view of this user is stale now.
    loaders(scope).securityRoleIdsByUserId.clear(user.id);
    loaders(scope).membersBySecurityRoleId.clear(role.id);
    return role;
  }

  /**
   * The identity store whose settings apply to a user: the store named after the domain of the
   * userPrincipalName, else the first store by name (the demo directory has exactly one).
   */
  async function identityStoreFor(userPrincipalName?: string | null): Promise<IdentityStoreRecord | null> {
    const stores = await repo.findAllIdentityStores();
    const domain = userPrincipalName?.split("@")[1]?.toLowerCase();
    return stores.find((s) => domain && s.name.toLowerCase() === domain) ?? stores[0] ?? null;
  }

  /** The store for a user, refusing when SMS is not enabled on it (spec section 8). */
  async function requireSmsEnabledStore(userPrincipalName?: string | null): Promise<IdentityStoreRecord> {
    const store = await identityStoreFor(userPrincipalName);
    if (!store?.smsEnabled) {
      throw new DomainError("PRECONDITION_FAILED", "SMS is not enabled on the identity store", { reason: "smsDisabled" });
    }
    return store;
  }

  /** Whether one of the user's security roles enforces SMS. */
  async function isSmsEnforcedFor(userId: string): Promise<boolean> {
    return (await repo.findSecurityRolesOfUser(userId)).some((r) => r.enforceSms);
  }

  /** Whether password sign-in is enabled on the user's identity store (true when no store is configured). */
  async function isPasswordSignInEnabled(userPrincipalName?: string | null): Promise<boolean> {
    return (await identityStoreFor(userPrincipalName))?.passwordEnabled ?? true;
  }

  return {
    listIdentityStores,
    listSecurityRoles,
    membersOf,
    updateIdentityStoreSmsSettings,
    setAuthenticationTypeEnabled,
    setAuthenticationTypeEnforced,
    addSecurityRoleMember: (scope: RequestScope, roleRef: string, userRef: string) => changeMembership(scope, roleRef, userRef, true),
    removeSecurityRoleMember: (scope: RequestScope, roleRef: string, userRef: string) => changeMembership(scope, roleRef, userRef, false),
    identityStoreFor,
    requireSmsEnabledStore,
    isSmsEnforcedFor,
    isPasswordSignInEnabled,
    /** A store by id or name, without a permission check: for server-side work (queued notices). */
    findIdentityStore: (ref: string) => repo.findIdentityStoreByIdOrName(ref),
    /** The user's security roles, batched per request (the SMS policy targets them). */
    securityRoleIdsOf: (scope: RequestScope, userId: string) => loaders(scope).securityRoleIdsByUserId.load(userId),
    findSecurityRoleIdsByUserIds: repo.findSecurityRoleIdsByUserIds,
    findExistingSecurityRoleIds: repo.findExistingSecurityRoleIds,
  };
}

export type DirectorySettingsService = ReturnType<typeof createDirectorySettingsService>;
