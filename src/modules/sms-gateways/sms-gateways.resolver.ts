import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { SmsGatewayAccountInput } from "./sms-gateway.input.js";
import { SmsGatewayAccount } from "./sms-gateway.type.js";
import type { SmsGatewaysService } from "./sms-gateways.service.js";

@Resolver(() => SmsGatewayAccount)
export class SmsGatewaysResolver {
  private readonly gateways: SmsGatewaysService;

  constructor(services: { gateways: SmsGatewaysService }) {
    this.gateways = services.gateways;
  }

  @Query(() => [SmsGatewayAccount], { description: "Global Administrator or application permission Policy.ReadWrite.AuthenticationMethod" })
  async smsGatewayAccounts(@Ctx() ctx: GraphQLContext): Promise<SmsGatewayAccount[]> {
    return (await this.gateways.listGatewayAccounts(ctx)).map(SmsGatewayAccount.of);
  }

  @Mutation(() => SmsGatewayAccount)
  async createSmsGatewayAccount(@Arg("input", () => SmsGatewayAccountInput) input: SmsGatewayAccountInput, @Ctx() ctx: GraphQLContext): Promise<SmsGatewayAccount> {
    return SmsGatewayAccount.of(await this.gateways.createGatewayAccount(ctx, input));
  }

  @Mutation(() => SmsGatewayAccount)
  async updateSmsGatewayAccount(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => SmsGatewayAccountInput) input: SmsGatewayAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SmsGatewayAccount> {
    return SmsGatewayAccount.of(await this.gateways.updateGatewayAccount(ctx, id, input));
  }

  @Mutation(() => ID)
  async deleteSmsGatewayAccount(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return this.gateways.deleteGatewayAccount(ctx, id);
  }
}
