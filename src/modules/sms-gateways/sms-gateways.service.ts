import DataLoader from "dataloader";
import { randomUUID } from "node:crypto";
import { canManageSettings, requireAuthenticated, type Access } from "../../auth/permissions.js";
import { SmsDeliveryError, type EndpointGuard, type SmsGatewayConfig, type SmsMessage, type SmsSender } from "../../connectors/sms/index.js";
import type { SecretBox } from "../../crypto/secret-box.js";
import { conflictOnUniqueViolation, isForeignKeyViolation } from "../../db/unique-violation.js";
import { badInput, DomainError, forbidden, notFound } from "../../errors/domain-error.js";
import { SmsProvider } from "../../generated/prisma/enums.js";
import { isUuid } from "../../lib/uuid.js";
import type { Logger } from "../../logging/logger.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { RequestScope } from "../request-scope.js";
import type { SmsGatewayAccountInput } from "./sms-gateway.input.js";
import type { SmsGatewayAccountData, SmsGatewayAccountRecord, SmsGatewaysRepository } from "./sms-gateways.repository.js";

const PROVIDERS: readonly SmsProvider[] = Object.values(SmsProvider);
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const MAX_NAME = 100;
const MAX_ENDPOINT = 2048;
const MAX_SENDER_ID = 64;
const MAX_CREDENTIALS = 1024;

/** SMS gateway accounts (spec section 8): their settings, sealed credentials, and sending through them. */
export function createSmsGatewaysService(deps: {
  audit: Pick<AuditTrail, "record" | "transaction">;
  repo: SmsGatewaysRepository;
  secretBox: SecretBox;
  createSender: (config: SmsGatewayConfig) => SmsSender;
  /** Refuses endpoints that are not public https addresses (the senders check again when connecting). */
  endpointGuard: Pick<EndpointGuard, "refusalOf">;
  logger: Logger;
}) {
  const { audit, repo, secretBox, createSender, endpointGuard, logger } = deps;

  /** What the trail says about an account: never its credentials, and of its endpoint only the host (a URL may carry a key). */
  const describe = (data: SmsGatewayAccountData, isDefault: boolean, credentialsChanged: boolean) => ({
    name: data.name,
    provider: data.provider,
    endpointHost: data.endpoint ? new URL(data.endpoint).host : null,
    senderId: data.senderId,
    isDefault,
    credentialsChanged,
  });

  const createLoaders = () => ({
    smsGatewayAccountById: new DataLoader<string, SmsGatewayAccountRecord | null>(async (ids) => {
      const rows = await repo.findGatewayAccountsByIds(ids.filter((id) => isUuid(id)));
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
  });
  const loaders = (scope: RequestScope) => scope.loaders.get(createLoaders);

  function requireSettingsManager(scope: RequestScope, access: Access = "write") {
    requireAuthenticated(scope.viewer);
    if (!canManageSettings(scope.viewer, access)) {
      throw forbidden("SMS gateway accounts need the Global Administrator role or Policy.ReadWrite.AuthenticationMethod");
    }
  }

  function optionalText(value: string | null | undefined, field: string, max: number): string | null {
    const trimmed = value?.trim() ?? "";
    if (trimmed.length === 0) return null;
    if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
    if (CONTROL_CHARACTERS.test(trimmed)) throw badInput(`${field} must not contain control characters`, { field });
    return trimmed;
  }

  async function validateEndpoint(raw: string | null | undefined): Promise<string | null> {
    const endpoint = optionalText(raw, "endpoint", MAX_ENDPOINT);
    if (endpoint === null) return null;
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw badInput("endpoint must be an absolute http(s) URL", { field: "endpoint", reason: "invalidEndpoint" });
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw badInput("endpoint must be an http or https URL", { field: "endpoint", reason: "invalidEndpoint" });
    }
    if (url.username || url.password) {
      throw badInput("endpoint must not embed credentials: put them in credentials", { field: "endpoint", reason: "invalidEndpoint" });
    }
    const refusal = await endpointGuard.refusalOf(url);
    if (refusal) throw badInput(refusal, { field: "endpoint", reason: "endpointNotAllowed" });
    return endpoint;
  }

  function validateCredentials(provider: SmsProvider, credentials: string) {
    if (credentials.length > MAX_CREDENTIALS) throw badInput(`credentials must be at most ${MAX_CREDENTIALS} characters`, { field: "credentials" });
    if (provider === "twilio") {
      const separator = credentials.indexOf(":");
      if (separator <= 0 || !credentials.slice(0, separator).trim() || !credentials.slice(separator + 1).trim()) {
        throw badInput('twilio credentials must be "ACCOUNT_SID:AUTH_TOKEN"', { field: "credentials", reason: "invalidCredentials" });
      }
    }
  }

  /** Checks the input against the provider's needs; `stored` is the account being updated, if any. */
  async function toAccountData(input: SmsGatewayAccountInput, stored?: SmsGatewayAccountRecord): Promise<SmsGatewayAccountData> {
    const name = optionalText(input.name, "name", MAX_NAME);
    if (!name) throw badInput("name is required", { field: "name" });
    if (!PROVIDERS.includes(input.provider)) throw badInput("Unknown provider", { field: "provider" });
    const endpoint = await validateEndpoint(input.endpoint);
    const senderId = optionalText(input.senderId, "senderId", MAX_SENDER_ID);

    let sealedCredentials: string | null;
    if (input.credentials === undefined || input.credentials === null) {
      sealedCredentials = stored?.sealedCredentials ?? null;
    } else if (input.credentials === "") {
      sealedCredentials = null;
    } else {
      validateCredentials(input.provider, input.credentials);
      sealedCredentials = secretBox.seal(input.credentials);
    }
    if (stored && input.credentials == null && sealedCredentials && input.provider !== stored.provider && input.provider === "twilio") {
      // Credentials kept from another provider were never checked against Twilio's format.
      validateCredentials("twilio", secretBox.open(sealedCredentials));
    }

    if (input.provider === "webhook" && !endpoint) {
      throw badInput("A webhook gateway account needs an endpoint", { field: "endpoint", reason: "endpointRequired" });
    }
    if (input.provider === "twilio") {
      if (!sealedCredentials) throw badInput('A twilio gateway account needs credentials "ACCOUNT_SID:AUTH_TOKEN"', { field: "credentials", reason: "credentialsRequired" });
      if (!senderId) {
        throw badInput("A twilio gateway account needs a senderId (a From number or a Messaging Service SID)", { field: "senderId", reason: "senderIdRequired" });
      }
    }
    return { name, provider: input.provider, endpoint, senderId, sealedCredentials };
  }

  const nameTaken = () => new DomainError("CONFLICT", "An SMS gateway account with this name already exists", { reason: "gatewayAccountNameNotUnique" });

  async function findExisting(id: string): Promise<SmsGatewayAccountRecord> {
    const account = isUuid(id) ? await repo.findGatewayAccountById(id.toLowerCase()) : null;
    if (!account) throw notFound("SMS gateway account");
    return account;
  }

  async function listGatewayAccounts(scope: RequestScope): Promise<SmsGatewayAccountRecord[]> {
    requireSettingsManager(scope, "read");
    return repo.findAllGatewayAccounts();
  }

  async function createGatewayAccount(scope: RequestScope, input: SmsGatewayAccountInput): Promise<SmsGatewayAccountRecord> {
    requireSettingsManager(scope);
    const data = await toAccountData(input);
    if (await repo.findGatewayAccountByName(data.name)) throw nameTaken();
    return audit.transaction(async (tx) => {
      const account = await conflictOnUniqueViolation(repo.insertGatewayAccount(randomUUID(), data, input.isDefault === true), nameTaken);
      await audit.record(tx, { origin: scope, activity: "smsGatewayAccount.created", targetId: account.id, detail: describe(data, input.isDefault === true, data.sealedCredentials !== null) });
      return account;
    });
  }

  async function updateGatewayAccount(scope: RequestScope, id: string, input: SmsGatewayAccountInput): Promise<SmsGatewayAccountRecord> {
    requireSettingsManager(scope);
    const stored = await findExisting(id);
    const data = await toAccountData(input, stored);
    const sameName = await repo.findGatewayAccountByName(data.name);
    if (sameName && sameName.id !== stored.id) throw nameTaken();
    const updated = await audit.transaction(async (tx) => {
      const account = await conflictOnUniqueViolation(repo.updateGatewayAccount(stored.id, data, input.isDefault === true), nameTaken);
      const credentialsChanged = data.sealedCredentials !== stored.sealedCredentials;
      await audit.record(tx, { origin: scope, activity: "smsGatewayAccount.updated", targetId: stored.id, detail: describe(data, input.isDefault === true, credentialsChanged) });
      return account;
    });
    loaders(scope).smsGatewayAccountById.clear(stored.id);
    return updated;
  }

  async function deleteGatewayAccount(scope: RequestScope, id: string): Promise<string> {
    requireSettingsManager(scope);
    const stored = await findExisting(id);
    const inUse = () =>
      new DomainError("PRECONDITION_FAILED", "This SMS gateway account is used by an identity store: choose another account there first", {
        reason: "gatewayAccountInUse",
      });
    if ((await repo.countIdentityStoresUsingGatewayAccount(stored.id)) > 0) throw inUse();
    try {
      await audit.transaction(async (tx) => {
        await repo.deleteGatewayAccount(stored.id);
        await audit.record(tx, { origin: scope, activity: "smsGatewayAccount.deleted", targetId: stored.id, detail: { name: stored.name, provider: stored.provider } });
      });
    } catch (error) {
      // An identity store picked the account between the check and the delete (the foreign key restricts).
      if (isForeignKeyViolation(error)) throw inUse();
      throw error;
    }
    loaders(scope).smsGatewayAccountById.clear(stored.id);
    return stored.id;
  }

  /** The account an identity store sends through: its own, or the default when it has none. */
  async function effectiveGatewayAccount(accountId: string | null): Promise<SmsGatewayAccountRecord | null> {
    if (accountId) {
      const account = await repo.findGatewayAccountById(accountId);
      if (account) return account;
    }
    return repo.findDefaultGatewayAccount();
  }

  const deliveryFailed = (deliveryFailure: string, retryable: boolean) =>
    new DomainError("PRECONDITION_FAILED", "The SMS could not be sent through the identity store's gateway; try again later", {
      reason: "smsDeliveryFailed",
      deliveryFailure,
      retryable,
    });

  /**
   * Sends one message through an account (decrypting its credentials only for this send).
   * Delivery failures become PRECONDITION_FAILED `smsDeliveryFailed`; the details go to the log only.
   */
  async function sendSms(accountId: string | null, message: SmsMessage): Promise<void> {
    const account = await effectiveGatewayAccount(accountId);
    if (!account) throw new DomainError("PRECONDITION_FAILED", "No SMS gateway account is configured", { reason: "smsGatewayNotConfigured" });
    let credentials: string | null = null;
    if (account.sealedCredentials) {
      try {
        credentials = secretBox.open(account.sealedCredentials);
      } catch {
        logger.error({ gatewayAccountId: account.id }, "SMS gateway credentials cannot be decrypted (was the encryption key changed?)");
        throw deliveryFailed("gatewayMisconfigured", false);
      }
    }
    try {
      await createSender({ provider: account.provider, endpoint: account.endpoint, senderId: account.senderId, credentials }).send(message);
    } catch (error) {
      if (!(error instanceof SmsDeliveryError)) throw error;
      logger.warn({ gatewayAccountId: account.id, provider: account.provider, failure: error.reason, detail: error.message }, "SMS delivery failed");
      throw deliveryFailed(error.reason, error.retryable);
    }
  }

  return {
    listGatewayAccounts,
    createGatewayAccount,
    updateGatewayAccount,
    deleteGatewayAccount,
    effectiveGatewayAccount,
    findDefaultGatewayAccount: repo.findDefaultGatewayAccount,
    findGatewayAccountById: async (id: string) => (isUuid(id) ? repo.findGatewayAccountById(id.toLowerCase()) : null),
    /** effectiveGatewayAccount for GraphQL fields, batched per request. */
    gatewayAccountForStore: async (scope: RequestScope, accountId: string | null) =>
      (accountId ? await loaders(scope).smsGatewayAccountById.load(accountId) : null) ?? repo.findDefaultGatewayAccount(),
    sendSms,
  };
}

export type SmsGatewaysService = ReturnType<typeof createSmsGatewaysService>;
