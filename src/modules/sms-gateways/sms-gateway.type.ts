import { Field, ID, ObjectType } from "type-graphql";
import { SmsProvider } from "../../graphql/enums.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { SmsGatewayAccountRecord } from "./sms-gateways.repository.js";

@ObjectType("SmsGatewayAccount")
export class SmsGatewayAccount {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SmsProvider)
  provider!: SmsProvider;

  @Field(() => Boolean, { description: "Identity stores without an account of their own send through the default" })
  isDefault!: boolean;

  @Field(() => String, { nullable: true })
  endpoint!: string | null;

  @Field(() => String, { nullable: true })
  senderId!: string | null;

  @Field(() => Boolean, { description: "Credentials are stored encrypted and never returned" })
  hasCredentials!: boolean;

  @Field(() => DateTimeScalar)
  createdDateTime!: Date;

  static of(record: SmsGatewayAccountRecord): SmsGatewayAccount {
    return Object.assign(new SmsGatewayAccount(), {
      id: record.id,
      name: record.name,
      provider: record.provider,
      isDefault: record.isDefault,
      endpoint: record.endpoint,
      senderId: record.senderId,
      hasCredentials: Boolean(record.sealedCredentials),
      createdDateTime: record.createdAt,
    });
  }
}
