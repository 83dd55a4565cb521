import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { LongRunningOperation } from "../operations/operation.type.js";
import type { OperationsService } from "../operations/operations.service.js";
import type { PhoneMethodsService } from "../phone-methods/phone-methods.service.js";
import { phoneTypeForMethodId } from "../phone-methods/method-ids.js";
import { AuthenticationMethod, PasswordAuthenticationMethod, PhoneAuthenticationMethod } from "./authentication-method.type.js";
import { Authentication } from "./authentication.type.js";

@Resolver(() => Authentication)
export class AuthenticationResolver {
  private readonly phones: PhoneMethodsService;
  private readonly operationsService: OperationsService;

  constructor(services: { phones: PhoneMethodsService; operations: OperationsService }) {
    this.phones = services.phones;
    this.operationsService = services.operations;
  }

  private passwordMethods(auth: Authentication): PasswordAuthenticationMethod[] {
    return auth.hasPassword ? [PasswordAuthenticationMethod.of(auth.passwordChangedAt)] : [];
  }

  @FieldResolver(() => [AuthenticationMethod], { description: "Phones (mobile, alternateMobile, office), then the password" })
  async methods(@Root() auth: Authentication, @Ctx() ctx: GraphQLContext): Promise<AuthenticationMethod[]> {
    return [...(await this.phoneMethods(auth, ctx)), ...this.passwordMethods(auth)];
  }

  @FieldResolver(() => [PhoneAuthenticationMethod])
  async phoneMethods(@Root() auth: Authentication, @Ctx() ctx: GraphQLContext): Promise<PhoneAuthenticationMethod[]> {
    return (await this.phones.listPhoneMethods(ctx, auth.userId)).map(PhoneAuthenticationMethod.of);
  }

  @FieldResolver(() => PhoneAuthenticationMethod, { nullable: true })
  async phoneMethod(@Root() auth: Authentication, @Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PhoneAuthenticationMethod | null> {
    const type = phoneTypeForMethodId(id);
    const phone = (await this.phones.listPhoneMethods(ctx, auth.userId)).find((p) => p.phoneType === type);
    return phone ? PhoneAuthenticationMethod.of(phone) : null;
  }

  @FieldResolver(() => [PasswordAuthenticationMethod], { name: "passwordMethods" })
  passwordMethodsField(@Root() auth: Authentication): PasswordAuthenticationMethod[] {
    return this.passwordMethods(auth);
  }

  @FieldResolver(() => [LongRunningOperation], { description: "The user's long-running operations (password resets), oldest first" })
  async operations(@Root() auth: Authentication, @Ctx() ctx: GraphQLContext): Promise<LongRunningOperation[]> {
    return (await this.operationsService.listOperations(ctx, auth.userId)).map(LongRunningOperation.of);
  }

  @FieldResolver(() => LongRunningOperation, { nullable: true, name: "operation" })
  async operationById(@Root() auth: Authentication, @Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LongRunningOperation | null> {
    const op = (await this.operationsService.listOperations(ctx, auth.userId)).find((o) => o.id === id.trim().toLowerCase());
    return op ? LongRunningOperation.of(op) : null;
  }
}
