import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import type { PolicyService, SmsPolicy } from "./policy.service.js";
import {
  AuthenticationMethodsPolicy,
  SmsAuthenticationMethodConfiguration,
  SmsAuthenticationMethodConfigurationInput,
} from "./policy.type.js";

const toGraph = (policy: SmsPolicy) => policy as unknown as SmsAuthenticationMethodConfiguration;

@Resolver()
export class PolicyResolver {
  constructor(private readonly policy: PolicyService) {}

  @Query(() => AuthenticationMethodsPolicy)
  async authenticationMethodsPolicy(@Ctx() ctx: GraphQLContext): Promise<AuthenticationMethodsPolicy> {
    return { sms: toGraph(await this.policy.getPolicy(ctx)) };
  }

  @Mutation(() => SmsAuthenticationMethodConfiguration, {
    description: "Global Administrator or application permission Policy.ReadWrite.AuthenticationMethod",
  })
  async updateSmsAuthenticationMethodConfiguration(
    @Arg("input", () => SmsAuthenticationMethodConfigurationInput) input: SmsAuthenticationMethodConfigurationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SmsAuthenticationMethodConfiguration> {
    return toGraph(await this.policy.updateSmsConfiguration(ctx, input));
  }
}
