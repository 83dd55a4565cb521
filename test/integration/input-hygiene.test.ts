import { buildSchema, isObjectType } from "graphql";
import type { Client } from "graphql-ws";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, type GraphQLResponse } from "../kit/graphql-client.js";
import { connectWs } from "../kit/subscriptions.js";
import { dumpTables } from "../kit/table-dump.js";
import { startTestServer, type TestServer } from "../kit/test-server.js";

const ADMIN = "admin@wingtiptoysonline.com";
const AVERY = "avery.howard@wingtiptoysonline.com";
const AUTH_ADMIN = "authadmin@wingtiptoysonline.com";
const STORE = "wingtiptoysonline.com";
const PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";
const MOBILE_METHOD_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const SPEC_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT", "PRECONDITION_FAILED", "RATE_LIMITED", "INTERNAL_SERVER_ERROR"];
/** Change it (INPUT_HYGIENE_SEED=...) to explore; a failure prints the seed that reproduces it. */
const SEED = Number(process.env.INPUT_HYGIENE_SEED ?? 0x5eed);
const CASES = 360;
const cursorOf = (text: string) => Buffer.from(text, "utf8").toString("base64url");

// ---------------------------------------------------------------------------------------------
// The operations under test: every argument ("slot") with the kind of value it takes.

type Kind = "id" | "upn" | "name" | "secret" | "phone" | "template" | "cursor" | "search" | "url" | "enum" | "boolean" | "int";

interface Slot {
  path: (string | number)[];
  kind: Kind;
  /** A nullable argument (null is then a legitimate value, never generated). */
  optional?: boolean;
  /** Well-formed unknown values are answered without any write (no attempt counted, nothing sent). */
  unknownIsHarmless?: boolean;
  /** The argument's path as the server names it, where it differs from the variable's. */
  argument?: string;
}

interface Operation {
  name: string;
  query: string;
  /** Values that would change something if the malformed one were accepted instead of refused. */
  variables: (f: Fixtures) => Record<string, unknown>;
  slots: Slot[];
  subscription?: boolean;
}

interface Fixtures {
  averyId: string;
  helpdeskId: string;
  usersRoleId: string;
  defaultGatewayId: string;
  spareGatewayId: string;
}

const userIdSlot: Slot = { path: ["userId"], kind: "id", optional: true, unknownIsHarmless: true };
const methodIdSlot: Slot = { path: ["id"], kind: "id", unknownIsHarmless: true };
const phoneInputSlots: Slot[] = [
  { path: ["input", "phoneNumber"], kind: "phone" },
  { path: ["input", "phoneType"], kind: "enum" },
];
const gatewayInputSlots: Slot[] = [
  { path: ["input", "name"], kind: "name" },
  { path: ["input", "provider"], kind: "enum" },
  { path: ["input", "endpoint"], kind: "url", optional: true },
  { path: ["input", "senderId"], kind: "name", optional: true },
  { path: ["input", "credentials"], kind: "secret", optional: true },
  { path: ["input", "isDefault"], kind: "boolean", optional: true },
];
/** One requested scope: a known scope name, so whatever is generated for it is refused. */
const scopeSlot: Slot = { path: ["scopes", 0], kind: "name" };
const challengeSlots: Slot[] = [
  { path: ["challengeId"], kind: "id" },
  { path: ["code"], kind: "secret" },
];

const OPERATIONS: Operation[] = [
  {
    name: "user",
    query: `query($id: ID!) { user(id: $id) { id } }`,
    variables: () => ({ id: AVERY }),
    slots: [{ path: ["id"], kind: "id", unknownIsHarmless: true }],
  },
  {
    name: "users",
    query: `query($first: Int, $after: String, $search: String) { users(first: $first, after: $after, search: $search) { nodes { id } } }`,
    variables: () => ({ first: 5, after: cursorOf("upn:a"), search: "wingtip" }),
    slots: [
      { path: ["first"], kind: "int", optional: true },
      { path: ["after"], kind: "cursor", optional: true, unknownIsHarmless: true },
      { path: ["search"], kind: "search", optional: true, unknownIsHarmless: true },
    ],
  },
  {
    name: "Authentication.phoneMethod",
    query: `query($userId: ID!, $id: ID!) { user(id: $userId) { authentication { phoneMethod(id: $id) { id } } } }`,
    variables: () => ({ userId: AVERY, id: MOBILE_METHOD_ID }),
    slots: [{ path: ["userId"], kind: "id", unknownIsHarmless: true, argument: "id" }, methodIdSlot],
  },
  {
    name: "Authentication.operation",
    query: `query($userId: ID!, $id: ID!) { user(id: $userId) { authentication { operation(id: $id) { id } } } }`,
    variables: () => ({ userId: AVERY, id: "00000000-0000-4000-8000-000000000000" }),
    slots: [{ path: ["userId"], kind: "id", unknownIsHarmless: true, argument: "id" }, methodIdSlot],
  },
  {
    name: "createUser",
    query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    variables: () => ({ input: { userPrincipalName: "new.person@wingtiptoysonline.com", displayName: "New Person", password: "Perfectly-fine-9" } }),
    slots: [
      { path: ["input", "userPrincipalName"], kind: "upn" },
      { path: ["input", "displayName"], kind: "name", optional: true },
      { path: ["input", "password"], kind: "secret", optional: true },
    ],
  },
  {
    name: "deleteUser",
    query: `mutation($id: ID!) { deleteUser(id: $id) }`,
    variables: () => ({ id: AVERY }),
    slots: [{ path: ["id"], kind: "id", unknownIsHarmless: true }],
  },
  {
    name: "assignDirectoryRole",
    query: `mutation($userId: ID!, $role: DirectoryRole!) { assignDirectoryRole(userId: $userId, role: $role) { id } }`,
    variables: () => ({ userId: AVERY, role: "AUTHENTICATION_ADMINISTRATOR" }),
    slots: [{ path: ["userId"], kind: "id", unknownIsHarmless: true }, { path: ["role"], kind: "enum" }],
  },
  {
    name: "removeDirectoryRole",
    query: `mutation($userId: ID!, $role: DirectoryRole!) { removeDirectoryRole(userId: $userId, role: $role) { id } }`,
    variables: () => ({ userId: AUTH_ADMIN, role: "AUTHENTICATION_ADMINISTRATOR" }),
    slots: [{ path: ["userId"], kind: "id", unknownIsHarmless: true }, { path: ["role"], kind: "enum" }],
  },
  {
    name: "addPhoneMethod",
    query: `mutation($userId: ID, $input: PhoneMethodInput!) { addPhoneMethod(userId: $userId, input: $input) { id } }`,
    variables: () => ({ userId: AVERY, input: { phoneNumber: "+1 2065550177", phoneType: "office" } }),
    slots: [userIdSlot, ...phoneInputSlots],
  },
  {
    name: "updatePhoneMethod",
    query: `mutation($userId: ID, $id: ID!, $input: PhoneMethodInput!) { updatePhoneMethod(userId: $userId, id: $id, input: $input) { id } }`,
    variables: () => ({ userId: AVERY, id: MOBILE_METHOD_ID, input: { phoneNumber: "+1 2065550176", phoneType: "mobile" } }),
    slots: [userIdSlot, methodIdSlot, ...phoneInputSlots],
  },
  {
    name: "deletePhoneMethod",
    query: `mutation($userId: ID, $id: ID!) { deletePhoneMethod(userId: $userId, id: $id) }`,
    variables: () => ({ userId: AVERY, id: MOBILE_METHOD_ID }),
    slots: [userIdSlot, methodIdSlot],
  },
  {
    name: "enableSmsSignIn",
    query: `mutation($userId: ID, $id: ID!) { enableSmsSignIn(userId: $userId, id: $id) { id } }`,
    variables: () => ({ userId: AVERY, id: MOBILE_METHOD_ID }),
    slots: [userIdSlot, methodIdSlot],
  },
  {
    name: "disableSmsSignIn",
    query: `mutation($userId: ID, $id: ID!) { disableSmsSignIn(userId: $userId, id: $id) { id } }`,
    variables: () => ({ userId: AVERY, id: MOBILE_METHOD_ID }),
    slots: [userIdSlot, methodIdSlot],
  },
  {
    name: "resetPassword",
    query: `mutation($userId: ID, $id: ID!, $newPassword: String) { resetPassword(userId: $userId, id: $id, newPassword: $newPassword) { operation { id } } }`,
    variables: () => ({ userId: AVERY, id: PASSWORD_METHOD_ID, newPassword: "Perfectly-fine-9" }),
    slots: [userIdSlot, methodIdSlot, { path: ["newPassword"], kind: "secret", optional: true }],
  },
  {
    name: "updateSmsAuthenticationMethodConfiguration",
    query: `mutation($input: SmsAuthenticationMethodConfigurationInput!) { updateSmsAuthenticationMethodConfiguration(input: $input) { state } }`,
    variables: () => ({ input: { state: "enabled", includeTargets: [{ targetType: "group", id: "all_users", isUsableForSignIn: true }] } }),
    slots: [
      { path: ["input", "state"], kind: "enum" },
      { path: ["input", "includeTargets", 0, "targetType"], kind: "enum" },
      { path: ["input", "includeTargets", 0, "id"], kind: "id", unknownIsHarmless: true },
      { path: ["input", "includeTargets", 0, "isUsableForSignIn"], kind: "boolean" },
    ],
  },
  {
    name: "signInWithPassword",
    query: `mutation($userPrincipalName: String!, $password: String!, $scopes: [String!]) { signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) { isVerified } }`,
    variables: () => ({ userPrincipalName: AVERY, password: "Not-the-password-1", scopes: ["User.Read"] }),
    slots: [
      { path: ["userPrincipalName"], kind: "upn" },
      { path: ["password"], kind: "secret" },
      scopeSlot,
    ],
  },
  {
    name: "startPhoneVerification",
    query: `mutation($userId: ID, $input: PhoneMethodInput!) { startPhoneVerification(userId: $userId, input: $input) { challengeId } }`,
    variables: () => ({ userId: AVERY, input: { phoneNumber: "+1 2065550178", phoneType: "office" } }),
    slots: [userIdSlot, ...phoneInputSlots],
  },
  {
    name: "verifyPhone",
    query: `mutation($challengeId: ID!, $code: String!) { verifyPhone(challengeId: $challengeId, code: $code) { isVerified } }`,
    variables: () => ({ challengeId: "00000000-0000-4000-8000-000000000001", code: "123456" }),
    slots: challengeSlots,
  },
  {
    name: "startSmsChallenge",
    query: `mutation($userId: ID, $id: ID!) { startSmsChallenge(userId: $userId, id: $id) { challengeId } }`,
    variables: () => ({ userId: AVERY, id: MOBILE_METHOD_ID }),
    slots: [userIdSlot, methodIdSlot],
  },
  {
    name: "verifySmsChallenge",
    query: `mutation($challengeId: ID!, $code: String!) { verifySmsChallenge(challengeId: $challengeId, code: $code) { isVerified } }`,
    variables: () => ({ challengeId: "00000000-0000-4000-8000-000000000002", code: "123456" }),
    slots: challengeSlots,
  },
  {
    name: "validateChallengeToken",
    query: `mutation($token: String!) { validateChallengeToken(token: $token) }`,
    variables: () => ({ token: "not-a-token" }),
    // A well-formed unknown token is a failed redemption, and audited as one: only malformed values here.
    slots: [{ path: ["token"], kind: "secret" }],
  },
  {
    name: "startSmsSignIn",
    query: `mutation($phoneNumber: String!) { startSmsSignIn(phoneNumber: $phoneNumber) { challengeId } }`,
    variables: () => ({ phoneNumber: "+1 2065550199" }),
    slots: [{ path: ["phoneNumber"], kind: "phone" }],
  },
  {
    name: "completeSmsSignIn",
    query: `mutation($challengeId: ID!, $code: String!, $scopes: [String!]) { completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) { isVerified } }`,
    variables: () => ({ challengeId: "00000000-0000-4000-8000-000000000003", code: "123456", scopes: ["User.Read"] }),
    slots: [...challengeSlots, scopeSlot],
  },
  {
    name: "createSmsGatewayAccount",
    query: `mutation($input: SmsGatewayAccountInput!) { createSmsGatewayAccount(input: $input) { id } }`,
    variables: () => ({ input: { name: "Fuzz account", provider: "console", endpoint: null, senderId: "Fuzz", credentials: "secret", isDefault: false } }),
    slots: gatewayInputSlots,
  },
  {
    name: "updateSmsGatewayAccount",
    query: `mutation($id: ID!, $input: SmsGatewayAccountInput!) { updateSmsGatewayAccount(id: $id, input: $input) { id } }`,
    variables: (f) => ({ id: f.spareGatewayId, input: { name: "Renamed spare", provider: "console", endpoint: null, senderId: "Spare", credentials: "secret", isDefault: false } }),
    slots: [{ path: ["id"], kind: "id", unknownIsHarmless: true }, ...gatewayInputSlots],
  },
  {
    name: "deleteSmsGatewayAccount",
    query: `mutation($id: ID!) { deleteSmsGatewayAccount(id: $id) }`,
    variables: (f) => ({ id: f.spareGatewayId }),
    slots: [{ path: ["id"], kind: "id", unknownIsHarmless: true }],
  },
  {
    name: "updateIdentityStoreSmsSettings",
    query: `mutation($identityStoreId: ID!, $input: IdentityStoreSmsSettingsInput!) { updateIdentityStoreSmsSettings(identityStoreId: $identityStoreId, input: $input) { id } }`,
    variables: (f) => ({ identityStoreId: STORE, input: { smsGatewayAccountId: f.spareGatewayId, smsMessageTemplate: "Code:\n[Code]" } }),
    slots: [
      { path: ["identityStoreId"], kind: "id", unknownIsHarmless: true },
      { path: ["input", "smsGatewayAccountId"], kind: "id", optional: true, unknownIsHarmless: true },
      { path: ["input", "smsMessageTemplate"], kind: "template" },
    ],
  },
  {
    name: "setAuthenticationTypeEnabled",
    query: `mutation($identityStoreId: ID!, $type: AuthenticationType!, $enabled: Boolean!) { setAuthenticationTypeEnabled(identityStoreId: $identityStoreId, type: $type, enabled: $enabled) { id } }`,
    variables: () => ({ identityStoreId: STORE, type: "password", enabled: false }),
    slots: [
      { path: ["identityStoreId"], kind: "id", unknownIsHarmless: true },
      { path: ["type"], kind: "enum" },
      { path: ["enabled"], kind: "boolean" },
    ],
  },
  {
    name: "setAuthenticationTypeEnforced",
    query: `mutation($securityRoleId: ID!, $type: AuthenticationType!, $enforced: Boolean!) { setAuthenticationTypeEnforced(securityRoleId: $securityRoleId, type: $type, enforced: $enforced) { id } }`,
    variables: (f) => ({ securityRoleId: f.helpdeskId, type: "password", enforced: true }),
    slots: [
      { path: ["securityRoleId"], kind: "id", unknownIsHarmless: true },
      { path: ["type"], kind: "enum" },
      { path: ["enforced"], kind: "boolean" },
    ],
  },
  {
    name: "addSecurityRoleMember",
    query: `mutation($securityRoleId: ID!, $userId: ID!) { addSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) { id } }`,
    variables: (f) => ({ securityRoleId: f.helpdeskId, userId: AVERY }),
    slots: [
      { path: ["securityRoleId"], kind: "id", unknownIsHarmless: true },
      { path: ["userId"], kind: "id", unknownIsHarmless: true },
    ],
  },
  {
    name: "removeSecurityRoleMember",
    query: `mutation($securityRoleId: ID!, $userId: ID!) { removeSecurityRoleMember(securityRoleId: $securityRoleId, userId: $userId) { id } }`,
    variables: (f) => ({ securityRoleId: f.usersRoleId, userId: AVERY }),
    slots: [
      { path: ["securityRoleId"], kind: "id", unknownIsHarmless: true },
      { path: ["userId"], kind: "id", unknownIsHarmless: true },
    ],
  },
  {
    name: "smsDeliveries",
    query: `query($first: Int) { smsDeliveries(first: $first) { id } }`,
    variables: () => ({ first: 5 }),
    slots: [{ path: ["first"], kind: "int", optional: true }],
  },
  {
    name: "auditEvents",
    query: `query($filter: AuditEventFilter, $first: Int, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) { edges { node { id } } } }`,
    variables: (f) => ({ filter: { activity: "password.reset", actorId: f.averyId, targetUserId: f.averyId }, first: 5 }),
    slots: [
      { path: ["filter", "activity"], kind: "name", optional: true, unknownIsHarmless: true },
      { path: ["filter", "actorId"], kind: "id", optional: true, unknownIsHarmless: true },
      { path: ["filter", "targetUserId"], kind: "id", optional: true, unknownIsHarmless: true },
      { path: ["first"], kind: "int", optional: true },
      { path: ["after"], kind: "cursor", optional: true, unknownIsHarmless: true },
    ],
  },
  {
    name: "setNoticeEnabled",
    query: `mutation($identityStoreId: ID!, $kind: NoticeKind!, $enabled: Boolean!) { setNoticeEnabled(identityStoreId: $identityStoreId, kind: $kind, enabled: $enabled) { id } }`,
    variables: () => ({ identityStoreId: STORE, kind: "phoneAdded", enabled: true }),
    slots: [
      { path: ["identityStoreId"], kind: "id", unknownIsHarmless: true },
      { path: ["kind"], kind: "enum" },
      { path: ["enabled"], kind: "boolean" },
    ],
  },
  {
    name: "updateIdentityStoreNoticeTemplates",
    query: `mutation($identityStoreId: ID!, $templates: [IdentityStoreNoticeTemplateInput!]!) { updateIdentityStoreNoticeTemplates(identityStoreId: $identityStoreId, templates: $templates) { id } }`,
    variables: () => ({ identityStoreId: STORE, templates: [{ kind: "phoneAdded", template: "A phone ending [Last4] was added to your account" }] }),
    slots: [
      { path: ["identityStoreId"], kind: "id", unknownIsHarmless: true },
      { path: ["templates", 0, "kind"], kind: "enum" },
      { path: ["templates", 0, "template"], kind: "template", optional: true },
    ],
  },
  {
    name: "refreshAccessToken",
    query: `mutation($refreshToken: String!) { refreshAccessToken(refreshToken: $refreshToken) { isVerified } }`,
    variables: () => ({ refreshToken: "not-a-refresh-token-of-this-gateway" }),
    slots: [{ path: ["refreshToken"], kind: "secret" }],
  },
  {
    name: "changeMyPassword",
    query: `mutation($currentPassword: String!, $newPassword: String!) { changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword) }`,
    variables: () => ({ currentPassword: "Not-the-password-1", newPassword: "Perfectly-fine-9" }),
    slots: [
      { path: ["currentPassword"], kind: "secret" },
      { path: ["newPassword"], kind: "secret" },
    ],
  },
  {
    // Only malformed values: a well-formed filter would start a subscription that answers nothing.
    name: "auditEventRecorded",
    subscription: true,
    query: `subscription($filter: AuditEventFilter) { auditEventRecorded(filter: $filter) { id } }`,
    variables: (f) => ({ filter: { activity: "password.reset", targetUserId: f.averyId } }),
    slots: [
      { path: ["filter", "activity"], kind: "name", optional: true },
      { path: ["filter", "actorId"], kind: "id", optional: true },
    ],
  },
  {
    name: "operationStatusChanged",
    subscription: true,
    query: `subscription($operationId: ID!) { operationStatusChanged(operationId: $operationId) { id status } }`,
    variables: () => ({ operationId: "00000000-0000-4000-8000-000000000004" }),
    slots: [{ path: ["operationId"], kind: "id", unknownIsHarmless: true }],
  },
  {
    name: "authenticationMethodsChanged",
    subscription: true,
    query: `subscription($userId: ID) { authenticationMethodsChanged(userId: $userId) { kind } }`,
    variables: () => ({ userId: "nobody@wingtiptoysonline.com" }),
    slots: [userIdSlot],
  },
];

// ---------------------------------------------------------------------------------------------
// Malformed values, generated from a seed.

/** mulberry32: small, seedable, good enough to pick test inputs reproducibly. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const insert = (base: string, piece: string) => {
    const at = int(base.length + 1);
    return base.slice(0, at) + piece + base.slice(at);
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  return { int, pick, insert, uuid };
}
type Random = ReturnType<typeof createRandom>;

interface Value {
  label: string;
  value: unknown;
  /** Malformed values must be refused; unknown ones are well-formed and merely name nothing. */
  malformed: boolean;
}

const CONTROL_CHARACTERS = ["\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\u000b", "\u001b", "\u007f", "\u0085", "\u009f"];
const INVISIBLE = ["\u200d", "\u200b", "\u202e", "\u202d", "\u2066", "\ufeff", "\u2060"];
const BIDI = ["\u202e", "\u202d", "\u202a", "\u2067"];
const LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"];
// Kept under the 100 KB HTTP body limit (the transport's own, tested elsewhere).
const HUGE = [5_000, 20_000, 60_000, 95_000];
const toFullwidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const cyrillicLookalikes = (text: string) => text.replace(/a/g, "а").replace(/e/g, "е").replace(/o/g, "о").replace(/p/g, "р");

const SAMPLE: Record<Kind, string> = {
  id: AVERY,
  upn: AVERY,
  name: "Avery Howard",
  secret: "Perfectly-fine-9",
  phone: "+1 2065550123",
  template: "Your code is [Code]",
  cursor: cursorOf(`upn:${AVERY}`),
  search: "avery",
  url: "https://sms.example.com/send",
  enum: "mobile",
  boolean: "true",
  int: "5",
};
const MAX_LENGTH: Partial<Record<Kind, number>> = { id: 256, upn: 1024, name: 1024, secret: 1024, phone: 256, template: 1024, cursor: 1024, search: 1024, url: 4096 };

function wrongTypes(kind: Kind): unknown[] {
  const shapes: unknown[] = [{}, { value: "x" }, ["x"], [], [[1]]];
  if (kind === "boolean") return [...shapes, "true", 1, 0];
  if (kind === "int") return [...shapes, "5", 1.5, 2 ** 40, -(2 ** 40), true];
  if (kind === "enum") return [...shapes, "NOT_A_VALUE", "", 1, true];
  if (kind === "id") return [...shapes, 1.5, true, false];
  return [...shapes, 42, 1.5, true];
}

/** One malformed (or, where harmless, unknown) value for a slot. */
function valueFor(random: Random, slot: Slot): Value {
  const { kind } = slot;
  const sample = SAMPLE[kind];
  const malformed = (label: string, value: unknown): Value => ({ label, value, malformed: true });
  const options: (() => Value)[] = [() => {
    const value = random.pick(wrongTypes(kind));
    return malformed(`wrong type ${JSON.stringify(value)}`, value);
  }];
  if (!slot.optional) options.push(() => malformed("null", null));
  const isText = !["enum", "boolean", "int"].includes(kind);
  if (isText) {
    const controls = kind === "template" ? CONTROL_CHARACTERS.filter((c) => c !== "\n") : CONTROL_CHARACTERS;
    options.push(
      () => {
        const c = random.pick(controls);
        return malformed(`control character U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`, random.insert(sample, c));
      },
      () => malformed("NUL", random.insert(sample, "\u0000")),
      () => malformed("lone surrogate", random.insert(sample, random.pick(LONE_SURROGATES))),
      () => {
        const length = Math.max(MAX_LENGTH[kind]! + 1, random.pick(HUGE));
        return malformed(`${length} characters`, kind === "cursor" ? "A".repeat(length) : sample + "9".repeat(length - sample.length));
      },
    );
  }
  if (kind === "id") {
    options.push(
      () => malformed("empty", ""),
      () => malformed("blank", random.pick([" ", "   ", "\u3000"])),
      () => malformed("invisible character", random.insert(sample, random.pick(INVISIBLE))),
      () => malformed("257 characters", "a".repeat(257)),
    );
  }
  if (kind === "upn") {
    options.push(
      () => malformed("Cyrillic look-alike", cyrillicLookalikes(sample)),
      () => malformed("fullwidth look-alike", toFullwidth(sample)),
      () => malformed("invisible character", random.insert(sample, random.pick(INVISIBLE))),
      () => malformed("non-breaking space", random.insert(sample, "\u00a0")),
    );
  }
  if (kind === "name") options.push(() => malformed("bidi override", random.insert(sample, random.pick(BIDI))));
  if (kind === "phone") {
    // Digits libphonenumber-js reads as digits (fullwidth, Arabic-Indic) are legitimate input;
    // a letter that looks like a digit, a bidi override or a joiner is not.
    options.push(
      () => malformed("letter look-alike", "+1 2O65550123"),
      () => malformed("Cyrillic look-alike", "+1 206555О123"),
      () => malformed("fullwidth with a letter", toFullwidth("+1 206555012") + "З"),
      () => malformed("right-to-left override", `\u202e${sample}`),
      () => malformed("zero-width joiner", "+1 206\u200d5550123"),
    );
  }
  if (kind === "cursor") {
    options.push(
      () => malformed("not base64url", "not a cursor!"),
      () => malformed("NUL inside", cursorOf(`upn:${AVERY}\u0000`)),
      () => malformed("escape inside", cursorOf("upn:\u001b[31m")),
    );
  }
  if (slot.unknownIsHarmless) {
    const unknown: unknown[] =
      kind === "id"
        ? [random.uuid(), "%", "_", "%%", "Helpdes_", "HELP%", "wingtiptoysonline.co_", "nobody@wingtiptoysonline.com", cyrillicLookalikes(ADMIN), toFullwidth("admin") + "@wingtiptoysonline.com", 42, "3179e48a-750b-4051-897c-87b9720928f8", "' OR 1=1 --"]
        : kind === "cursor"
          ? [cursorOf("upn:zzz"), cursorOf("upn:%"), ""]
          : [random.uuid(), "%", "_%_", "' OR '1'='1", "x".repeat(300)];
    options.push(() => {
      const value = random.pick(unknown);
      return { label: `unknown ${JSON.stringify(value)}`, value, malformed: false };
    });
  }
  return random.pick(options)();
}

function setPath(target: Record<string, unknown>, path: (string | number)[], value: unknown) {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

interface Case {
  index: number;
  operation: Operation;
  slot: Slot;
  value: Value;
  caller: Caller;
  variables: Record<string, unknown>;
}
type Caller = "anonymous" | "admin" | "app";

function generateCases(fixtures: Fixtures, options: { subscriptions: boolean }): Case[] {
  const random = createRandom(SEED);
  // Round-robin over every argument of every operation so each gets its share; values are random.
  const targets = OPERATIONS.filter((o) => options.subscriptions || !o.subscription).flatMap((operation) => operation.slots.map((slot) => ({ operation, slot })));
  return Array.from({ length: CASES }, (_, index) => {
    const { operation, slot } = targets[index % targets.length]!;
    const value = valueFor(random, slot);
    const variables = structuredClone(operation.variables(fixtures));
    setPath(variables, slot.path, value.value);
    return { index, operation, slot, value, caller: random.pick(["anonymous", "admin", "app"] as const), variables };
  });
}

const describeCase = (c: Case) =>
  `#${c.index} ${c.operation.name}(${c.slot.path.join(".")} = ${c.value.label}) as ${c.caller} [seed ${SEED}]`;

/** What must hold for every answer: a GraphQL-shaped refusal with a code clients know. */
function problemsWith(c: Case, answer: { status?: number; errors?: readonly { message: string; extensions?: Record<string, unknown> }[]; closed?: string }): string[] {
  const problems: string[] = [];
  if (answer.closed) problems.push(`the socket closed: ${answer.closed}`);
  if (answer.status !== undefined && answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code;
    if (code === "INTERNAL_SERVER_ERROR") problems.push(`INTERNAL_SERVER_ERROR: ${error.message}`);
    else if (typeof code !== "string" || !SPEC_CODES.includes(code)) problems.push(`code ${String(code)} is not in the spec: ${error.message}`);
  }
  if (c.value.malformed && !answer.closed && !answer.errors?.length) problems.push("a malformed value was accepted");
  return problems.map((p) => `${describeCase(c)}: ${p}`);
}

/** Runs one operation over graphql-ws and collects what came back (data, errors, or the close). */
function executeOverWs(client: Client, query: string, variables: Record<string, unknown>) {
  return new Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[]; closed?: string }>((resolve) => {
    const errors: { message: string; extensions?: Record<string, unknown> }[] = [];
    let answered = false;
    const timer = setTimeout(() => finish({ closed: "no answer within 5 s" }), 5_000);
    const finish = (result: { errors?: typeof errors; closed?: string }) => {
      clearTimeout(timer);
      dispose();
      resolve(result);
    };
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          answered = true;
          errors.push(...((result.errors ?? []) as typeof errors));
          // A subscription that started would stream on: one answer is enough.
          if (result.data) finish({ errors });
        },
        error: (error) => {
          if (Array.isArray(error)) return finish({ errors: [...errors, ...(error as typeof errors)] });
          const close = error as { code?: number; reason?: string };
          finish({ closed: typeof close?.code === "number" ? `${close.code} ${close.reason ?? ""}`.trim() : String(error) });
        },
        complete: () => finish(answered ? { errors } : { errors, closed: "completed without an answer" }),
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------

describe("input hygiene", () => {
  let server: TestServer;
  let tokens: Record<Caller, string | undefined>;
  let fixtures: Fixtures;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.tokenFor(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
    const app = await server.appToken(["Policy.ReadWrite.AuthenticationMethod", "User.ReadWrite.All"]);
    tokens = { anonymous: undefined, admin, app };

    const roles = await server.request(`{ securityRoles { id name } }`, undefined, { token: admin });
    const roleId = (name: string) => roles.data.securityRoles.find((r: { name: string }) => r.name === name).id as string;
    const gateways = await server.request(`{ smsGatewayAccounts { id isDefault } }`, undefined, { token: admin });
    const spare = await server.request(`mutation { createSmsGatewayAccount(input: { name: "Spare", provider: console }) { id } }`, undefined, { token: admin });
    fixtures = {
      averyId: await server.userId(AVERY),
      helpdeskId: roleId("Helpdesk"),
      usersRoleId: roleId("Users"),
      defaultGatewayId: gateways.data.smsGatewayAccounts.find((g: { isDefault: boolean }) => g.isDefault).id,
      spareGatewayId: spare.data.createSmsGatewayAccount.id,
    };
    // Something for updates, deletes and removals to act on, were a malformed value accepted.
    const setup = [
      await server.request(`mutation { addPhoneMethod(userId: "${AVERY}", input: { phoneNumber: "+1 2065550150", phoneType: mobile }) { id } }`, undefined, { token: admin }),
      await server.request(`mutation($r: ID!) { addSecurityRoleMember(securityRoleId: $r, userId: "${AVERY}") { id } }`, { r: fixtures.usersRoleId }, { token: admin }),
    ];
    for (const result of setup) expect(result.errors).toBeUndefined();
  });
  afterAll(() => server?.stop());

  it("has every argument of every field of the schema under test (a new field or argument must join OPERATIONS)", () => {
    const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t !== null && t !== undefined);
    const covered = new Map<string, Set<string>>();
    for (const operation of OPERATIONS) {
      const coordinate = operation.name.includes(".") ? operation.name : `${roots.find((t) => t.getFields()[operation.name])?.name}.${operation.name}`;
      const names = covered.get(coordinate) ?? new Set<string>();
      for (const slot of operation.slots) names.add(String(slot.argument ?? slot.path[0]));
      for (const slot of operation.slots) names.add(String(slot.path[0]));
      covered.set(coordinate, names);
    }
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) if (!covered.get(`${type.name}.${field.name}`)?.has(argument.name)) missing.push(`${type.name}.${field.name}(${argument.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe("finding 6", () => {
    it("refuses a NUL byte in anonymous signInWithPassword as BAD_USER_INPUT, not an internal error", async () => {
      for (const variables of [
        { userPrincipalName: `${AVERY}\u0000`, password: "Perfectly-fine-9" },
        { userPrincipalName: AVERY, password: "Perfectly\u0000-fine-9" },
      ]) {
        const result = await server.request(OPERATIONS.find((o) => o.name === "signInWithPassword")!.query, variables);
        expect(result.status).toBeLessThan(500);
        expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", reason: "invalidArgument" }) })]);
      }
    });

    it("refuses a NUL byte in every string argument of every operation, naming the argument", async () => {
      const problems: string[] = [];
      let checked = 0;
      for (const operation of OPERATIONS.filter((o) => !o.subscription)) {
        for (const slot of operation.slots.filter((s) => !["enum", "boolean", "int"].includes(s.kind))) {
          const variables = structuredClone(operation.variables(fixtures));
          setPath(variables, slot.path, `${SAMPLE[slot.kind]}\u0000`);
          for (const caller of ["anonymous", "admin"] as const) {
            const result = await server.request(operation.query, variables, { token: tokens[caller] });
            checked++;
            const field = slot.argument ?? slot.path.join(".");
            const error = result.errors?.[0];
            // A nested field's parent (user) turns anonymous callers away before its arguments are read.
            const refusedFirst = caller === "anonymous" && operation.name.startsWith("Authentication.") && slot.path[0] === "id" && error?.extensions?.code === "UNAUTHENTICATED";
            if (refusedFirst) continue;
            if (result.status >= 500 || error?.extensions?.code !== "BAD_USER_INPUT" || error.extensions.field !== field) {
              problems.push(`${operation.name}(${field}) as ${caller}: HTTP ${result.status} ${JSON.stringify(result.errors)}`);
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(24 * 2);
      expect(problems).toEqual([]);
    });

    it("matches security role and identity store ids exactly: LIKE patterns name nothing", async () => {
      const admin = tokens.admin;
      const membersBefore = await server.app.database.prisma.securityRoleMember.count();
      for (const pattern of ["%", "_%", "Helpdes_", "HELP%", "%desk"]) {
        const add = await server.request(`mutation($r: ID!) { addSecurityRoleMember(securityRoleId: $r, userId: "${AVERY}") { id } }`, { r: pattern }, { token: admin });
        expect(codesOf(add), pattern).toEqual(["NOT_FOUND"]);
        const enforce = await server.request(`mutation($r: ID!) { setAuthenticationTypeEnforced(securityRoleId: $r, type: password, enforced: true) { id } }`, { r: pattern }, { token: admin });
        expect(codesOf(enforce), pattern).toEqual(["NOT_FOUND"]);
      }
      for (const pattern of ["%", "wingtiptoysonline.co_", "%.com"]) {
        const disable = await server.request(`mutation($s: ID!) { setAuthenticationTypeEnabled(identityStoreId: $s, type: password, enabled: false) { id } }`, { s: pattern }, { token: admin });
        expect(codesOf(disable), pattern).toEqual(["NOT_FOUND"]);
        const template = await server.request(`mutation($s: ID!) { updateIdentityStoreSmsSettings(identityStoreId: $s, input: { smsMessageTemplate: "Hacked [Code]" }) { id } }`, { s: pattern }, { token: admin });
        expect(codesOf(template), pattern).toEqual(["NOT_FOUND"]);
      }
      expect(await server.app.database.prisma.securityRoleMember.count()).toBe(membersBefore);
      const store = await server.app.database.prisma.identityStore.findUniqueOrThrow({ where: { id: STORE } });
      expect(store).toMatchObject({ passwordEnabled: true, smsMessageTemplate: "Your verification code is [Code]" });
      const roles = await server.app.database.prisma.securityRole.findMany();
      expect(roles.every((r) => !r.enforcePassword)).toBe(true);
    });

    it("still finds a security role or identity store by its name, ignoring case", async () => {
      const admin = tokens.admin;
      const add = await server.request(`mutation { addSecurityRoleMember(securityRoleId: "hELPDESK", userId: "${AVERY}") { id name } }`, undefined, { token: admin });
      expect(add.errors).toBeUndefined();
      expect(add.data.addSecurityRoleMember).toEqual({ id: fixtures.helpdeskId, name: "Helpdesk" });
      const remove = await server.request(`mutation { removeSecurityRoleMember(securityRoleId: "Helpdesk", userId: "${AVERY}") { id } }`, undefined, { token: admin });
      expect(remove.errors).toBeUndefined();
      const store = await server.request(`mutation { setAuthenticationTypeEnabled(identityStoreId: "WingTipToysOnline.com", type: password, enabled: true) { id } }`, undefined, { token: admin });
      expect(store.data?.setAuthenticationTypeEnabled).toEqual({ id: STORE });
    });

    it("refuses an empty, blank or control-character policy target id and stores nothing", async () => {
      const before = await server.request(`{ authenticationMethodsPolicy { sms { state includeTargets { targetType id isUsableForSignIn } } } }`, undefined, { token: tokens.admin });
      for (const targetType of ["group", "user"]) {
        for (const id of ["", "   ", "\t", "all_users\u0000", "\u200b"]) {
          const result = await server.request(
            `mutation($input: SmsAuthenticationMethodConfigurationInput!) { updateSmsAuthenticationMethodConfiguration(input: $input) { state } }`,
            { input: { state: "enabled", includeTargets: [{ targetType, id, isUsableForSignIn: true }] } },
            { token: tokens.admin },
          );
          expect(codesOf(result), JSON.stringify({ targetType, id })).toEqual(["BAD_USER_INPUT"]);
          expect(result.errors![0]!.extensions).toMatchObject({ field: "input.includeTargets.0.id" });
        }
      }
      const unknownRole = await server.request(
        `mutation { updateSmsAuthenticationMethodConfiguration(input: { state: enabled, includeTargets: [{ targetType: group, id: "00000000-0000-4000-8000-000000000000", isUsableForSignIn: true }] }) { state } }`,
        undefined,
        { token: tokens.admin },
      );
      expect(unknownRole.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "unknownTarget" });
      const after = await server.request(`{ authenticationMethodsPolicy { sms { state includeTargets { targetType id isUsableForSignIn } } } }`, undefined, { token: tokens.admin });
      expect(after.data).toEqual(before.data);
      const stored = await server.app.database.prisma.authenticationMethodTarget.findMany();
      expect(stored.map((t) => t.targetId)).toEqual(["all_users"]);
    });
  });

  describe(`${CASES} generated malformed inputs change nothing and never fail inside`, () => {
    it("over HTTP", async () => {
      const cases = generateCases(fixtures, { subscriptions: false });
      const before = await dumpTables(server.app.database.prisma);
      const problems: string[] = [];
      for (const c of cases) {
        const body = JSON.stringify({ query: c.operation.query, variables: c.variables });
        expect(Buffer.byteLength(body), describeCase(c)).toBeLessThan(100 * 1024);
        const result: GraphQLResponse<unknown> = await server.request(c.operation.query, c.variables, { token: tokens[c.caller] });
        problems.push(...problemsWith(c, result));
      }
      expect(problems).toEqual([]);
      expect(await dumpTables(server.app.database.prisma)).toEqual(before);
    });

    it("over graphql-ws", async () => {
      const cases = generateCases(fixtures, { subscriptions: true });
      // Sockets stay open between operations (a lazy client closing an idle socket races the next one).
      const connect = (token?: string) => connectWs(server.url, token, { lazyCloseTimeout: 60_000 });
      const clients = { anonymous: connect(), admin: connect(tokens.admin), app: connect(tokens.app) };
      try {
        const before = await dumpTables(server.app.database.prisma);
        const problems: string[] = [];
        for (const c of cases) problems.push(...problemsWith(c, await executeOverWs(clients[c.caller], c.operation.query, c.variables)));
        expect(problems).toEqual([]);
        expect(await dumpTables(server.app.database.prisma)).toEqual(before);
      } finally {
        await Promise.all(Object.values(clients).map((client) => client.dispose()));
      }
    });
  });
});
