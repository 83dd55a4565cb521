import { Field, ID, Int, ObjectType } from "type-graphql";
import { AuthenticationType } from "../../graphql/enums.js";
import { SmsGatewayAccount } from "../sms-gateways/sms-gateway.type.js";
import type { IdentityStoreRecord, SecurityRoleRecord } from "./directory-settings.repository.js";
import { enabledTypesOf, enforcedTypesOf } from "./directory-settings.service.js";
import { ALLOWED_COUNTRIES, PER_COUNTRY, PER_PREFIX } from "./identity-store.input.js";
import { allowedCountryCallingCodesOf } from "./sms-destination-policy.js";

@ObjectType("IdentityStore")
export class IdentityStore {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [AuthenticationType])
  enabledAuthenticationTypes!: AuthenticationType[];

  @Field(() => SmsGatewayAccount, { nullable: true, description: "The account messages go through: the store's own, else the default" })
  smsGatewayAccount?: SmsGatewayAccount | null;

  @Field(() => String, { description: "Contains [Code] exactly once; at most 160 characters with the code in it" })
  smsMessageTemplate!: string;

  @Field(() => [String], { nullable: true, description: `${ALLOWED_COUNTRIES}. Other destinations are refused (PRECONDITION_FAILED destinationNotAllowed)` })
  smsAllowedCountryCallingCodes!: string[] | null;

  @Field(() => Int, { description: PER_COUNTRY })
  smsDailyLimitPerCountry!: number;

  @Field(() => Int, { description: PER_PREFIX })
  smsDailyLimitPerPrefix!: number;

  record!: IdentityStoreRecord;

  static of(record: IdentityStoreRecord): IdentityStore {
    return Object.assign(new IdentityStore(), {
      id: record.id,
      name: record.name,
      enabledAuthenticationTypes: enabledTypesOf(record),
      smsMessageTemplate: record.smsMessageTemplate,
      smsAllowedCountryCallingCodes: allowedCountryCallingCodesOf(record),
      smsDailyLimitPerCountry: record.smsDailyLimitPerCountry,
      smsDailyLimitPerPrefix: record.smsDailyLimitPerPrefix,
      record,
    });
  }
}

@ObjectType("SecurityRole")
export class SecurityRole {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [AuthenticationType])
  enforcedAuthenticationTypes!: AuthenticationType[];

  static of(record: SecurityRoleRecord): SecurityRole {
    return Object.assign(new SecurityRole(), {
      id: record.id,
      name: record.name,
      enforcedAuthenticationTypes: enforcedTypesOf(record),
    });
  }
}
