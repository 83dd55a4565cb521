import { Field, ID, InputType, ObjectType } from "type-graphql";
import { AuthenticationMethodState, AuthenticationMethodTargetType } from "../../graphql/enums.js";

@ObjectType("SmsAuthenticationMethodTarget")
export class SmsAuthenticationMethodTarget {
  @Field(() => AuthenticationMethodTargetType)
  targetType!: AuthenticationMethodTargetType;

  @Field(() => ID, { description: 'A user id, a security role id (group), or "all_users"' })
  id!: string;

  @Field(() => Boolean)
  isUsableForSignIn!: boolean;
}

@ObjectType("SmsAuthenticationMethodConfiguration")
export class SmsAuthenticationMethodConfiguration {
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
export class SmsTargetInput {
  @Field(() => AuthenticationMethodTargetType)
  targetType!: AuthenticationMethodTargetType;

  @Field(() => ID)
  id!: string;

  @Field(() => Boolean)
  isUsableForSignIn!: boolean;
}

@InputType("SmsAuthenticationMethodConfigurationInput")
export class SmsAuthenticationMethodConfigurationInput {
  @Field(() => AuthenticationMethodState)
  state!: AuthenticationMethodState;

  @Field(() => [SmsTargetInput])
  includeTargets!: SmsTargetInput[];
}
