import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { AuthenticationType } from "../../graphql/enums.js";
import { SmsGatewayAccount } from "../sms-gateways/sms-gateway.type.js";
import type { SmsGatewaysService } from "../sms-gateways/sms-gateways.service.js";
import type { DirectorySettingsService } from "./directory-settings.service.js";
import { IdentityStore, SecurityRole } from "./directory-settings.type.js";
import { IdentityStoreSmsSettingsInput } from "./identity-store.input.js";

const ADMIN_ONLY = "Global Administrator or application permission Policy.ReadWrite.AuthenticationMethod";

@Resolver(() => IdentityStore)
export class DirectorySettingsResolver {
  private readonly settings: DirectorySettingsService;
  private readonly gateways: SmsGatewaysService;

  constructor(services: { settings: DirectorySettingsService; gateways: SmsGatewaysService }) {
    this.settings = services.settings;
    this.gateways = services.gateways;
  }

  @Query(() => [IdentityStore], { description: ADMIN_ONLY })
  async identityStores(@Ctx() ctx: GraphQLContext): Promise<IdentityStore[]> {
    return (await this.settings.listIdentityStores(ctx)).map(IdentityStore.of);
  }

  @Query(() => [SecurityRole], { description: ADMIN_ONLY })
  async securityRoles(@Ctx() ctx: GraphQLContext): Promise<SecurityRole[]> {
    return (await this.settings.listSecurityRoles(ctx)).map(SecurityRole.of);
  }

  @FieldResolver(() => SmsGatewayAccount, { nullable: true })
  async smsGatewayAccount(@Root() store: IdentityStore, @Ctx() ctx: GraphQLContext): Promise<SmsGatewayAccount | null> {
    const account = await this.gateways.gatewayAccountForStore(ctx, store.record.smsGatewayAccountId);
    return account ? SmsGatewayAccount.of(account) : null;
  }

  @Mutation(() => IdentityStore, { description: ADMIN_ONLY })
  async updateIdentityStoreSmsSettings(
    @Arg("identityStoreId", () => ID) identityStoreId: string,
    @Arg("input", () => IdentityStoreSmsSettingsInput) input: IdentityStoreSmsSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IdentityStore> {
    return IdentityStore.of(await this.settings.updateIdentityStoreSmsSettings(ctx, identityStoreId, input));
  }

  @Mutation(() => IdentityStore, { description: `${ADMIN_ONLY}. A type enforced by a security role can't be disabled` })
  async setAuthenticationTypeEnabled(
    @Arg("identityStoreId", () => ID) identityStoreId: string,
    @Arg("type", () => AuthenticationType) type: AuthenticationType,
    @Arg("enabled", () => Boolean) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IdentityStore> {
    return IdentityStore.of(await this.settings.setAuthenticationTypeEnabled(ctx, identityStoreId, type, enabled));
  }

  @Mutation(() => SecurityRole, { description: `${ADMIN_ONLY}. A type disabled on an identity store can't be enforced` })
  async setAuthenticationTypeEnforced(
    @Arg("securityRoleId", () => ID) securityRoleId: string,
    @Arg("type", () => AuthenticationType) type: AuthenticationType,
    @Arg("enforced", () => Boolean) enforced: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SecurityRole> {
    return SecurityRole.of(await this.settings.setAuthenticationTypeEnforced(ctx, securityRoleId, type, enforced));
  }

  @Mutation(() => SecurityRole, { description: `${ADMIN_ONLY}. Adds a user (id or userPrincipalName) to a security role` })
  async addSecurityRoleMember(
    @Arg("securityRoleId", () => ID) securityRoleId: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SecurityRole> {
    return SecurityRole.of(await this.settings.addSecurityRoleMember(ctx, securityRoleId, userId));
  }

  @Mutation(() => SecurityRole, { description: `${ADMIN_ONLY}. Removes a user (id or userPrincipalName) from a security role` })
  async removeSecurityRoleMember(
    @Arg("securityRoleId", () => ID) securityRoleId: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SecurityRole> {
    return SecurityRole.of(await this.settings.removeSecurityRoleMember(ctx, securityRoleId, userId));
  }
}
