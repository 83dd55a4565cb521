import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { AuthenticationType } from "../../graphql/enums.js";
import { SmsGatewayAccount } from "../sms-gateways/sms-gateway.type.js";
import type { IdentityStoreRecord, SecurityRoleRecord } from "./directory-settings.repository.js";
import { enabledTypesOf, enforcedTypesOf } from "./directory-settings.service.js";
import { allowedCountryCallingCodesOf, MAX_SMS_DAILY_LIMIT } from "./sms-destination-policy.js";

const ALLOWED_COUNTRIES = 'Countries codes may be texted to, as calling codes without "+" ("1", "44"); null: every country';
const PER_COUNTRY = "Codes texted per destination country per day (a fixed 24-hour window from the first); past it RATE_LIMITED";
const PER_PREFIX = "Codes texted per number prefix (the E.164 number without its last 4 digits) per day; past it RATE_LIMITED";

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
      enabledAuthenticationTypes: enabledTypesOf(record) as AuthenticationType[],
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
      enforcedAuthenticationTypes: enforcedTypesOf(record) as AuthenticationType[],
    });
  }
}

@InputType("IdentityStoreSmsSettingsInput")
export class IdentityStoreSmsSettingsInput {
  @Field(() => ID, { nullable: true, description: "Omitted: keep the store's account (or take the default when it has none)" })
  smsGatewayAccountId?: string | null;

  @Field(() => String)
  smsMessageTemplate!: string;

  @Field(() => [String], { nullable: true, description: `Omitted: unchanged. ${ALLOWED_COUNTRIES}; a list names at least one ("+44" is read as "44")` })
  smsAllowedCountryCallingCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: `Omitted or null: unchanged. ${PER_COUNTRY}; 1 to ${MAX_SMS_DAILY_LIMIT}` })
  smsDailyLimitPerCountry?: number | null;

  @Field(() => Int, { nullable: true, description: `Omitted or null: unchanged. ${PER_PREFIX}; 1 to ${MAX_SMS_DAILY_LIMIT}` })
  smsDailyLimitPerPrefix?: number | null;
}
