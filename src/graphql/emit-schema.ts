import "reflect-metadata";
import { printSchema, type GraphQLSchema } from "graphql";
import { AuthenticationResolver } from "../modules/authentication/authentication.resolver.js";
import { PhoneMethodsResolver } from "../modules/phone-methods/phone-methods.resolver.js";
import { PolicyResolver } from "../modules/policy/policy.resolver.js";
import { UsersResolver } from "../modules/users/users.resolver.js";
import { PasswordMethodsResolver } from "../modules/password-methods/password-methods.resolver.js";
import { SignInResolver } from "../modules/sign-in/sign-in.resolver.js";
import { SubscriptionsResolver } from "../modules/subscriptions.resolver.js";
import { SmsGatewaysResolver } from "../modules/sms-gateways/sms-gateways.resolver.js";
import { DirectorySettingsResolver } from "../modules/directory-settings/directory-settings.resolver.js";
import { OneTimeCodesResolver } from "../modules/one-time-codes/one-time-codes.resolver.js";
import { buildGatewaySchema } from "./schema.js";

/** Every resolver class, in the order their types appear in schema.graphql. */
export const RESOLVER_CLASSES = [UsersResolver, AuthenticationResolver, PhoneMethodsResolver, PolicyResolver, PasswordMethodsResolver, SignInResolver, SubscriptionsResolver, SmsGatewaysResolver, DirectorySettingsResolver, OneTimeCodesResolver];

/** The schema's SDL without any service behind it (for schema.graphql and codegen). */
export async function buildSchemaForPrinting(): Promise<GraphQLSchema> {
  return buildGatewaySchema(RESOLVER_CLASSES.map((cls) => Object.create(cls.prototype) as object));
}

export async function printGatewaySchema(): Promise<string> {
  return `# Generated from the type-graphql resolvers by \`npm run schema:emit\`. Do not edit.\n\n${printSchema(await buildSchemaForPrinting())}\n`;
}
