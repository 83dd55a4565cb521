import { Field, ID, InterfaceType, ObjectType } from "type-graphql";
import { PhoneType } from "../../graphql/enums.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { PhoneMethodRecord } from "../phone-methods/phone-methods.repository.js";
import { PASSWORD_METHOD_ID, PHONE_METHOD_IDS } from "../phone-methods/method-ids.js";
import { displayPhoneNumber } from "../../lib/phone-number.js";

@InterfaceType("AuthenticationMethod", {
  resolveType: (value) => (value instanceof PhoneAuthenticationMethod ? "PhoneAuthenticationMethod" : "PasswordAuthenticationMethod"),
})
export abstract class AuthenticationMethod {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  createdDateTime!: Date | null;
}

@ObjectType("PasswordAuthenticationMethod", { implements: AuthenticationMethod })
export class PasswordAuthenticationMethod extends AuthenticationMethod {
  @Field(() => String, { nullable: true, description: "Always null: secrets are never returned" })
  password!: null;

  static of(createdDateTime: Date | null): PasswordAuthenticationMethod {
    return Object.assign(new PasswordAuthenticationMethod(), { id: PASSWORD_METHOD_ID, createdDateTime, password: null });
  }
}

@ObjectType("PhoneAuthenticationMethod", { implements: AuthenticationMethod })
export class PhoneAuthenticationMethod extends AuthenticationMethod {
  @Field(() => String, { description: 'Display form "+{country code} {national number}[x{extension}]"' })
  phoneNumber!: string;

  @Field(() => PhoneType)
  phoneType!: PhoneType;

  /** The stored method, for field resolvers (smsSignInState). */
  record!: PhoneMethodRecord;

  static of(record: PhoneMethodRecord): PhoneAuthenticationMethod {
    return Object.assign(new PhoneAuthenticationMethod(), {
      id: PHONE_METHOD_IDS[record.phoneType],
      createdDateTime: record.createdAt,
      phoneNumber: displayPhoneNumber(record.phoneNumber),
      phoneType: record.phoneType,
      record,
    });
  }
}
