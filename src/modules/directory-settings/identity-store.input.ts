import { Field, ID, InputType, Int } from "type-graphql";
import { MAX_SMS_DAILY_LIMIT } from "./sms-destination-policy.js";

export const ALLOWED_COUNTRIES = 'Countries codes may be texted to, as calling codes without "+" ("1", "44"); null: every country';
export const PER_COUNTRY = "Codes texted per destination country per day (a fixed 24-hour window from the first); past it RATE_LIMITED";
export const PER_PREFIX = "Codes texted per number prefix (the E.164 number without its last 4 digits) per day; past it RATE_LIMITED";

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
