import "reflect-metadata";
import type { ArgumentSchemas } from "../graphql/argument-validation.js";
// type-graphql lays the schema out in the order its decorators run, so this import order is
// schema.graphql's. Everything that uses a feature's entry takes it from here.
import { operationsFeature } from "./operations/index.js";
import { authenticationFeature } from "./authentication/index.js";
import { phoneMethodsFeature } from "./phone-methods/index.js";
import { policyFeature } from "./policy/index.js";
import { usersFeature } from "./users/index.js";
import { passwordMethodsFeature } from "./password-methods/index.js";
import { signInFeature } from "./sign-in/index.js";
import { smsGatewaysFeature } from "./sms-gateways/index.js";
import { directorySettingsFeature } from "./directory-settings/index.js";
import { oneTimeCodesFeature } from "./one-time-codes/index.js";
import { noticesFeature } from "./notices/index.js";
import { auditFeature } from "./audit/index.js";
import { sessionsFeature } from "./sessions/index.js";

/** The features that make up the GraphQL schema. The schema build, its printing and the composition root read them. */
const SCHEMA_FEATURES = [
  operationsFeature,
  authenticationFeature,
  phoneMethodsFeature,
  policyFeature,
  usersFeature,
  passwordMethodsFeature,
  signInFeature,
  smsGatewaysFeature,
  directorySettingsFeature,
  oneTimeCodesFeature,
  sessionsFeature,
  auditFeature,
  noticesFeature,
];

type ResolverOf<Feature> = Feature extends { resolvers: readonly (infer Resolver)[] } ? Resolver : never;

/** Every resolver class, each made once with the services its constructor names. */
export const RESOLVERS = SCHEMA_FEATURES.flatMap<ResolverOf<(typeof SCHEMA_FEATURES)[number]>>((feature) => feature.resolvers);

/** Every field's argument schema, each owned by its feature. */
export const ARGUMENT_SCHEMAS: ArgumentSchemas = Object.assign({}, ...SCHEMA_FEATURES.map((feature) => feature.argumentSchemas));

export {
  noticesFeature,
  auditFeature,
  authenticationFeature,
  directorySettingsFeature,
  oneTimeCodesFeature,
  operationsFeature,
  passwordMethodsFeature,
  phoneMethodsFeature,
  policyFeature,
  sessionsFeature,
  signInFeature,
  smsGatewaysFeature,
  usersFeature,
};
