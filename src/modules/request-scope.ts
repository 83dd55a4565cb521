import type { Viewer } from "../auth/viewer.js";
import type { OperationLoaders } from "./operations/operations.service.js";
import type { PhoneLoaders } from "./phone-methods/phone-methods.service.js";
import type { PolicyLoaders } from "./policy/policy.service.js";
import type { SmsGatewayLoaders } from "./sms-gateways/sms-gateways.service.js";
import type { UserLoaders } from "./users/users.service.js";

/** Every feature's per-request DataLoaders. */
export type Loaders = UserLoaders & PolicyLoaders & PhoneLoaders & OperationLoaders & SmsGatewayLoaders;

/** What a request carries into services: who calls, and the request's batching loaders. */
export interface RequestScope {
  viewer: Viewer;
  loaders: Loaders;
}
