import DataLoader from "dataloader";
import { conflictOnUniqueViolation, isUniqueViolation } from "../../db/unique-violation.js";
import { DomainError, badInput, notFound } from "../../errors/domain-error.js";
import type { EventBus } from "../../events/event-bus.js";
import type { UserMemory } from "../../events/user-memory.js";
import { PhoneType } from "../../generated/prisma/enums.js";
import { maskPhoneForLog, normalisePhoneNumber } from "../../lib/phone-number.js";
import type { AuditActivity, AuditOrigin, AuditTrail } from "../audit/audit-trail.js";
import type { TransactionClient } from "../../db/transactions.js";
import type { PolicyService } from "../policy/policy.service.js";
import type { RequestScope } from "../request-scope.js";
import type { UsersService } from "../users/users.service.js";
import { PHONE_METHOD_IDS, phoneTypeForMethodId } from "./method-ids.js";
import type { PhoneMethodInput } from "./phone-method.input.js";
import type { PhoneMethodRecord, PhoneMethodsRepository } from "./phone-methods.repository.js";
import type { SmsSignInState } from "./sms-sign-in-state.js";

const PHONE_TYPES: readonly PhoneType[] = Object.values(PhoneType);
/** The key of a user's phones in the process's memory. */
const PHONES = "phones";

export function toMethodEvent(phone: PhoneMethodRecord) {
  return {
    type: "phone" as const,
    phoneType: phone.phoneType,
    phoneNumber: phone.phoneNumber,
    smsSignInEnabled: phone.smsSignInEnabled,
    createdAt: phone.createdAt.toISOString(),
  };
}

/** Phone authentication methods and their SMS sign-in state (spec section 5). */
export function createPhoneMethodsService(deps: {
  audit: Pick<AuditTrail, "record" | "transaction" | "savepoint">;
  repo: PhoneMethodsRepository;
  users: UsersService;
  policy: PolicyService;
  events: EventBus;
  /**
   * Users' phones shared by this process's requests until an event says they changed (every
   * change publishes `authenticationMethodChanged`, a deletion `userAccessChanged`): a caller's
   * read of their own methods then costs no statement. Without it, read for every request.
   */
  memory?: Pick<UserMemory<PhoneMethodRecord[]>, "get" | "keep" | "epoch">;
}) {
  const { audit, repo, users, policy, events, memory } = deps;

  const createLoaders = () => ({
    phoneMethodsByUserId: new DataLoader<string, PhoneMethodRecord[]>(async (userIds) => {
      const known = new Map<string, PhoneMethodRecord[]>();
      if (memory) for (const id of userIds) {
        const remembered = memory.get(id, PHONES);
        if (remembered) known.set(id, remembered);
      }
      const missing = known.size ? userIds.filter((id) => !known.has(id)) : userIds;
      if (missing.length) {
        const began = memory?.epoch() ?? 0;
        const rows = await repo.findPhoneMethodsByUserIds(missing);
        for (const id of missing) {
          const phones = rows.filter((r) => r.userId === id);
          known.set(id, memory ? memory.keep(id, PHONES, phones, began) : phones);
        }
      }
      return userIds.map((id) => known.get(id)!);
    }),
    smsSignInOwnerByNumber: new DataLoader<string, string | null>(async (numbers) => {
      const rows = await repo.findSmsSignInOwnersByNumbers(numbers);
      return numbers.map((n) => rows.find((r) => r.phoneNumber === n)?.userId ?? null);
    }),
  });
  const loaders = (scope: RequestScope) => scope.loaders.get(createLoaders);

  async function smsSignInState(scope: RequestScope, phone: PhoneMethodRecord): Promise<SmsSignInState> {
    if (phone.phoneType !== "mobile") return "notSupported";
    if (!(await policy.isSignInAllowed(scope, phone.userId))) return "notAllowedByPolicy";
    if (phone.smsSignInEnabled) return "ready";
    const owner = await loaders(scope).smsSignInOwnerByNumber.load(phone.phoneNumber);
    return owner && owner !== phone.userId ? "phoneNumberNotUnique" : "notEnabled";
  }

  function typeOf(methodId: string): PhoneType {
    const type = phoneTypeForMethodId(methodId);
    if (!type) throw notFound("Phone method");
    return type;
  }

  function validateInput(input: PhoneMethodInput) {
    if (!PHONE_TYPES.includes(input.phoneType)) throw badInput("Unknown phoneType", { field: "phoneType" });
    return normalisePhoneNumber(input.phoneNumber);
  }

  async function listPhoneMethods(scope: RequestScope, userId: string): Promise<PhoneMethodRecord[]> {
    return loaders(scope).phoneMethodsByUserId.load(userId);
  }

  async function findOwnPhone(userId: string, type: PhoneType): Promise<PhoneMethodRecord> {
    const phone = await repo.findPhoneMethod(userId, type);
    if (!phone) throw notFound("Phone method");
    return phone;
  }

  /** Turns SMS sign-in on when the policy allows it and the number is free; the index arbitrates races. */
  async function tryEnableSmsSignIn(phone: PhoneMethodRecord): Promise<PhoneMethodRecord> {
    try {
      return await audit.savepoint(() => repo.setSmsSignInEnabled(phone.userId, phone.phoneType, true));
    } catch (error) {
      if (isUniqueViolation(error)) return phone;
      throw error;
    }
  }

  function forget(scope: RequestScope, userId: string, ...numbers: string[]) {
    loaders(scope).phoneMethodsByUserId.clear(userId);
    for (const n of numbers) loaders(scope).smsSignInOwnerByNumber.clear(n);
  }

  /** The change's audit record: the method, its type and number (masked) and SMS sign-in state. */
  const recordChange = (tx: TransactionClient, origin: AuditOrigin, activity: AuditActivity, phone: PhoneMethodRecord, extra?: Record<string, unknown>) =>
    audit.record(tx, {
      origin,
      activity,
      targetUserId: phone.userId,
      targetId: PHONE_METHOD_IDS[phone.phoneType],
      detail: { phoneType: phone.phoneType, phoneNumber: maskPhoneForLog(phone.phoneNumber), smsSignInEnabled: phone.smsSignInEnabled, ...extra },
    });

  async function publish(kind: "added" | "updated" | "deleted", phone: PhoneMethodRecord) {
    await events.publish("authenticationMethodChanged", { userId: phone.userId, kind, method: toMethodEvent(phone) });
  }

  const phoneTypeTaken = (phoneType: PhoneType) =>
    new DomainError("CONFLICT", `The user already has a ${phoneType} phone`, { reason: "phoneTypeAlreadyRegistered" });
  const phoneNumberTaken = () => new DomainError("CONFLICT", "Another user already signs in with this phone number", { reason: "phoneNumberNotUnique" });

  /** The rules a new phone must meet, checked before "Text me a code" sends anything. */
  async function assertCanAddPhoneMethod(userId: string, phoneType: PhoneType): Promise<void> {
    const existing = await repo.findPhoneMethodsByUserIds([userId]);
    if (existing.some((p) => p.phoneType === phoneType)) throw phoneTypeTaken(phoneType);
    if (phoneType === "alternateMobile" && !existing.some((p) => p.phoneType === "mobile")) {
      throw new DomainError("PRECONDITION_FAILED", "An alternateMobile phone needs a mobile phone first", { reason: "mobileRequired" });
    }
  }

  async function addPhoneMethod(scope: RequestScope, userRef: string | null | undefined, input: PhoneMethodInput) {
    const target = await users.resolveTarget(scope, userRef, "write");
    const number = validateInput(input);
    await assertCanAddPhoneMethod(target.id, input.phoneType);
    const phone = await audit.transaction(async (tx) => {
      let added = await conflictOnUniqueViolation(repo.insertPhoneMethod({ userId: target.id, phoneType: input.phoneType, phoneNumber: number.stored }), () =>
        phoneTypeTaken(input.phoneType),
      );
      if (added.phoneType === "mobile" && (await policy.isSignInAllowed(scope, target.id))) added = await tryEnableSmsSignIn(added);
      await recordChange(tx, scope, "phoneMethod.added", added);
      return added;
    });
    forget(scope, target.id, phone.phoneNumber);
    await publish("added", phone);
    return phone;
  }

  async function updatePhoneMethod(scope: RequestScope, userRef: string | null | undefined, methodId: string, input: PhoneMethodInput) {
    const target = await users.resolveTarget(scope, userRef, "write");
    const type = typeOf(methodId);
    const number = validateInput(input);
    if (input.phoneType !== type) {
      throw badInput("A phone's type can't be changed: add a phone of the new type, then delete this one", { reason: "phoneTypeImmutable", field: "phoneType" });
    }
    const current = await findOwnPhone(target.id, type);
    if (current.phoneNumber === number.stored) return current;
    const phone = await audit.transaction(async (tx) => {
      let updated = await repo.updatePhoneNumber(target.id, type, number.stored);
      if (updated.phoneType === "mobile" && (await policy.isSignInAllowed(scope, target.id))) updated = await tryEnableSmsSignIn(updated);
      await recordChange(tx, scope, "phoneMethod.updated", updated, { previousPhoneNumber: maskPhoneForLog(current.phoneNumber) });
      return updated;
    });
    forget(scope, target.id, current.phoneNumber, phone.phoneNumber);
    await publish("updated", phone);
    return phone;
  }

  async function deletePhoneMethod(scope: RequestScope, userRef: string | null | undefined, methodId: string): Promise<string> {
    const target = await users.resolveTarget(scope, userRef, "write");
    const type = typeOf(methodId);
    const phone = await findOwnPhone(target.id, type);
    if (type === "mobile" && (await repo.findPhoneMethod(target.id, "alternateMobile"))) {
      throw new DomainError("PRECONDITION_FAILED", "Delete the alternateMobile phone before the mobile phone", { reason: "alternateMobileExists" });
    }
    if ((await smsSignInState(scope, phone)) === "ready") {
      throw new DomainError("PRECONDITION_FAILED", "This phone is the user's default sign-in method: disable SMS sign-in first", { reason: "defaultSignInMethod" });
    }
    await audit.transaction(async (tx) => {
      await repo.deletePhoneMethod(target.id, type);
      await recordChange(tx, scope, "phoneMethod.deleted", phone);
    });
    forget(scope, target.id, phone.phoneNumber);
    await publish("deleted", phone);
    return PHONE_METHOD_IDS[type];
  }

  async function enableSmsSignIn(scope: RequestScope, userRef: string | null | undefined, methodId: string) {
    const target = await users.resolveTarget(scope, userRef, "write");
    const phone = await findOwnPhone(target.id, typeOf(methodId));
    const state = await smsSignInState(scope, phone);
    if (state === "ready") return phone;
    if (state === "notSupported" || state === "notAllowedByPolicy") {
      throw new DomainError("PRECONDITION_FAILED", state === "notSupported" ? "Only a mobile phone can be used for SMS sign-in" : "The policy does not allow this user SMS sign-in", { reason: state });
    }
    if (state === "phoneNumberNotUnique") throw phoneNumberTaken();
    const enabled = await audit.transaction(async (tx) => {
      const changed = await conflictOnUniqueViolation(repo.setSmsSignInEnabled(target.id, phone.phoneType, true), phoneNumberTaken);
      await recordChange(tx, scope, "smsSignIn.enabled", changed);
      return changed;
    });
    forget(scope, target.id, phone.phoneNumber);
    await publish("updated", enabled);
    return enabled;
  }

  async function disableSmsSignIn(scope: RequestScope, userRef: string | null | undefined, methodId: string) {
    const target = await users.resolveTarget(scope, userRef, "write");
    const phone = await findOwnPhone(target.id, typeOf(methodId));
    if (phone.phoneType !== "mobile") {
      throw new DomainError("PRECONDITION_FAILED", "Only a mobile phone can be used for SMS sign-in", { reason: "notSupported" });
    }
    if (!phone.smsSignInEnabled) return phone;
    const disabled = await audit.transaction(async (tx) => {
      const changed = await repo.setSmsSignInEnabled(target.id, phone.phoneType, false);
      await recordChange(tx, scope, "smsSignIn.disabled", changed);
      return changed;
    });
    forget(scope, target.id, phone.phoneNumber);
    await publish("updated", disabled);
    return disabled;
  }

  /** A policy change turns sign-in off for users it no longer allows and on for newly allowed ones. */
  policy.onPolicyChanged(async (before, after) => {
    const mobiles = await repo.findAllMobilePhones();
    if (mobiles.length === 0) return;
    const memberships = await policy.findSecurityRoleIdsByUserIds([...new Set(mobiles.map((m) => m.userId))]);
    const rolesOf = (userId: string) => memberships.filter((m) => m.userId === userId).map((m) => m.securityRoleId);
    const toDisable: PhoneMethodRecord[] = [];
    const toEnable: PhoneMethodRecord[] = [];
    for (const m of mobiles) {
      const wasAllowed = policy.allowsSignIn(before, m.userId, rolesOf(m.userId));
      const nowAllowed = policy.allowsSignIn(after, m.userId, rolesOf(m.userId));
      if (!nowAllowed && m.smsSignInEnabled) toDisable.push(m);
      else if (nowAllowed && !wasAllowed && !m.smsSignInEnabled) toEnable.push(m);
    }
    // Consequences of the policy change, recorded as the system's.
    if (toDisable.length) {
      await audit.transaction(async (tx) => {
        await repo.disableSmsSignInForUsers(toDisable.map((m) => m.userId));
        for (const m of toDisable) await recordChange(tx, "system", "smsSignIn.disabled", { ...m, smsSignInEnabled: false }, { cause: "policy" });
      });
    }
    for (const m of toDisable) await publish("updated", { ...m, smsSignInEnabled: false });
    for (const m of toEnable) {
      const enabled = await audit.transaction(async (tx) => {
        const changed = await tryEnableSmsSignIn(m);
        if (changed.smsSignInEnabled) await recordChange(tx, "system", "smsSignIn.enabled", changed, { cause: "policy" });
        return changed;
      });
      if (enabled.smsSignInEnabled) await publish("updated", enabled);
    }
  });

  return {
    smsSignInState,
    listPhoneMethods,
    addPhoneMethod,
    assertCanAddPhoneMethod,
    updatePhoneMethod,
    deletePhoneMethod,
    enableSmsSignIn,
    disableSmsSignIn,
    findSmsSignInPhoneByNumber: repo.findSmsSignInPhoneByNumber,
    /** Without a request scope or permission check: for server-side rules (sign-in required actions). */
    findPhoneMethodsOfUser: (userId: string) => repo.findPhoneMethodsByUserIds([userId]),
  };
}

export type PhoneMethodsService = ReturnType<typeof createPhoneMethodsService>;
