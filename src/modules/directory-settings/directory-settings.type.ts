import { Field, ID, InputType, ObjectType } from "type-graphql";
import { AuthenticationType } from "../../graphql/enums.js";
import { SmsGatewayAccount } from "../sms-gateways/sms-gateway.type.js";
import type { IdentityStoreRecord, SecurityRoleRecord } from "./directory-settings.repository.js";
import { enabledTypesOf, enforcedTypesOf } from "./directory-settings.service.js";

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

  record!: IdentityStoreRecord;

  static of(record: IdentityStoreRecord): IdentityStore {
    return Object.assign(new IdentityStore(), {
      id: record.id,
      name: record.name,
      enabledAuthenticationTypes: enabledTypesOf(record) as AuthenticationType[],
      smsMessageTemplate: record.smsMessageTemplate,
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
}
