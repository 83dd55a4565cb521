import { Field, InputType } from "type-graphql";
import { SmsProvider } from "../../graphql/enums.js";

@InputType("SmsGatewayAccountInput")
export class SmsGatewayAccountInput {
  @Field(() => String)
  name!: string;

  @Field(() => SmsProvider)
  provider!: SmsProvider;

  @Field(() => String, { nullable: true, description: "http(s) URL; required for webhook, Twilio's API URL by default for twilio" })
  endpoint?: string | null;

  @Field(() => String, { nullable: true, description: "Sender shown on the phone; twilio: a From number or Messaging Service SID" })
  senderId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Write-only. webhook: HMAC signing key; twilio: "ACCOUNT_SID:AUTH_TOKEN". On update, omitted keeps the stored value and "" removes it',
  })
  credentials?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true makes this the default account (the first account always is)" })
  isDefault?: boolean | null;
}
