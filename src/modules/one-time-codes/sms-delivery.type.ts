import { Field, ID, Int, ObjectType } from "type-graphql";
import { ChallengePurpose, SmsDeliveryStatus } from "../../graphql/enums.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { SmsDeliveryRecord } from "./sms-deliveries.repository.js";

@ObjectType("SmsDelivery", { description: "An SMS texted in the background (SMS sign-in codes; notices of method changes, purpose notice): how its delivery went. Never the message or the full number" })
export class SmsDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  createdDateTime!: Date;

  @Field(() => SmsDeliveryStatus)
  status!: SmsDeliveryStatus;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed, e.g. gatewayTimeout, gatewayRejected, invalidRecipient, codeExpired" })
  failureKind!: string | null;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { description: 'e.g. "+1 ******0123"' })
  maskedPhoneNumber!: string;

  @Field(() => ChallengePurpose)
  purpose!: ChallengePurpose;

  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptDateTime!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When a queued message is tried (again)" })
  nextAttemptDateTime!: Date | null;

  static of(record: SmsDeliveryRecord): SmsDelivery {
    return Object.assign(new SmsDelivery(), {
      id: record.id,
      createdDateTime: record.createdAt,
      status: record.status,
      failureKind: record.failureKind,
      attempts: record.attempts,
      maskedPhoneNumber: record.maskedPhoneNumber,
      purpose: record.purpose,
      lastAttemptDateTime: record.lastAttemptAt,
      nextAttemptDateTime: record.status === "queued" ? record.nextAttemptAt : null,
    });
  }
}
