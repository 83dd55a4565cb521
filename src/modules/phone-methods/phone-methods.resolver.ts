import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { UserIdArg } from "../../graphql/user-id-arg.js";
import { SmsSignInState } from "../../graphql/enums.js";
import { PhoneAuthenticationMethod } from "../authentication/authentication-method.type.js";
import { PhoneMethodInput } from "./phone-method.input.js";
import type { PhoneMethodsService } from "./phone-methods.service.js";

@Resolver(() => PhoneAuthenticationMethod)
export class PhoneMethodsResolver {
  private readonly phones: PhoneMethodsService;

  constructor(services: { phones: PhoneMethodsService }) {
    this.phones = services.phones;
  }

  @FieldResolver(() => SmsSignInState)
  async smsSignInState(@Root() phone: PhoneAuthenticationMethod, @Ctx() ctx: GraphQLContext): Promise<SmsSignInState> {
    return this.phones.smsSignInState(ctx, phone.record);
  }

  @Mutation(() => PhoneAuthenticationMethod)
  async addPhoneMethod(
    @UserIdArg() userId: string | null,
    @Arg("input", () => PhoneMethodInput) input: PhoneMethodInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PhoneAuthenticationMethod> {
    return PhoneAuthenticationMethod.of(await this.phones.addPhoneMethod(ctx, userId, input));
  }

  @Mutation(() => PhoneAuthenticationMethod)
  async updatePhoneMethod(
    @UserIdArg() userId: string | null,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => PhoneMethodInput) input: PhoneMethodInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PhoneAuthenticationMethod> {
    return PhoneAuthenticationMethod.of(await this.phones.updatePhoneMethod(ctx, userId, id, input));
  }

  @Mutation(() => ID)
  async deletePhoneMethod(@UserIdArg() userId: string | null, @Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return this.phones.deletePhoneMethod(ctx, userId, id);
  }

  @Mutation(() => PhoneAuthenticationMethod)
  async enableSmsSignIn(@UserIdArg() userId: string | null, @Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PhoneAuthenticationMethod> {
    return PhoneAuthenticationMethod.of(await this.phones.enableSmsSignIn(ctx, userId, id));
  }

  @Mutation(() => PhoneAuthenticationMethod)
  async disableSmsSignIn(@UserIdArg() userId: string | null, @Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PhoneAuthenticationMethod> {
    return PhoneAuthenticationMethod.of(await this.phones.disableSmsSignIn(ctx, userId, id));
  }
}
