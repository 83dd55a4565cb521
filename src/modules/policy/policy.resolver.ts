import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import type { PolicyService } from "./policy.service.js";
import {
  AuthenticationMethodsPolicy,
  SmsAuthenticationMethodConfiguration,
  SmsAuthenticationMethodConfigurationInput,
} from "./policy.type.js";

@Resolver()
export class PolicyResolver {
  private readonly policy: PolicyService;

  constructor(services: { policy: PolicyService }) {
    this.policy = services.policy;
  }

  @Query(() => AuthenticationMethodsPolicy)
  async authenticationMethodsPolicy(@Ctx() ctx: GraphQLContext): Promise<AuthenticationMethodsPolicy> {
    return { sms: await this.policy.getPolicy(ctx) };
  }

  @Mutation(() => SmsAuthenticationMethodConfiguration, {
    description: "Global Administrator or application permission Policy.ReadWrite.AuthenticationMethod",
  })
  async updateSmsAuthenticationMethodConfiguration(
    @Arg("input", () => SmsAuthenticationMethodConfigurationInput) input: SmsAuthenticationMethodConfigurationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SmsAuthenticationMethodConfiguration> {
    return this.policy.updateSmsConfiguration(ctx, input);
  }
}
