import { Field, ID, InputType, ObjectType } from "type-graphql";
import { AuthenticationMethodState, AuthenticationMethodTargetType } from "../../graphql/enums.js";
import type { SmsPolicy, SmsTarget } from "./sms-policy.js";

@ObjectType("SmsAuthenticationMethodTarget")
export class SmsAuthenticationMethodTarget implements SmsTarget {
  @Field(() => AuthenticationMethodTargetType)
  targetType!: AuthenticationMethodTargetType;

  @Field(() => ID, { description: 'A user id, a security role id (group), or "all_users"' })
  id!: string;

  @Field(() => Boolean)
  isUsableForSignIn!: boolean;
}

@ObjectType("SmsAuthenticationMethodConfiguration")
export class SmsAuthenticationMethodConfiguration implements SmsPolicy {
  @Field(() => AuthenticationMethodState)
  state!: AuthenticationMethodState;

  @Field(() => [SmsAuthenticationMethodTarget])
  includeTargets!: SmsAuthenticationMethodTarget[];
}

@ObjectType("AuthenticationMethodsPolicy")
export class AuthenticationMethodsPolicy {
  @Field(() => SmsAuthenticationMethodConfiguration)
  sms!: SmsAuthenticationMethodConfiguration;
}

@InputType("SmsTargetInput")
export class SmsTargetInput implements SmsTarget {
  @Field(() => AuthenticationMethodTargetType)
  targetType!: AuthenticationMethodTargetType;

  @Field(() => ID)
  id!: string;

  @Field(() => Boolean)
  isUsableForSignIn!: boolean;
}

@InputType("SmsAuthenticationMethodConfigurationInput")
export class SmsAuthenticationMethodConfigurationInput implements SmsPolicy {
  @Field(() => AuthenticationMethodState)
  state!: AuthenticationMethodState;

  @Field(() => [SmsTargetInput])
  includeTargets!: SmsTargetInput[];
}
