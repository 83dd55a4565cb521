import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { SmsDeliveryRecord } from "./sms-deliveries.repository.js";

export enum SmsDeliveryStatus {
  queued = "queued",
  sending = "sending",
  delivered = "delivered",
  failed = "failed",
}
registerEnumType(SmsDeliveryStatus, { name: "SmsDeliveryStatus" });

export enum SmsCodePurpose {
  phoneVerification = "phoneVerification",
  stepUp = "stepUp",
  signIn = "signIn",
}
registerEnumType(SmsCodePurpose, { name: "SmsCodePurpose" });

@ObjectType("SmsDelivery", { description: "An SMS code texted in the background (SMS sign-in): how its delivery went. Never the message or the full number" })
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

  @Field(() => SmsCodePurpose)
  purpose!: SmsCodePurpose;

  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptDateTime!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When a queued message is tried (again)" })
  nextAttemptDateTime!: Date | null;

  static of(record: SmsDeliveryRecord): SmsDelivery {
    return Object.assign(new SmsDelivery(), {
      id: record.id,
      createdDateTime: record.createdAt,
      status: record.status as SmsDeliveryStatus,
      failureKind: record.failureKind,
      attempts: record.attempts,
      maskedPhoneNumber: record.maskedPhoneNumber,
      purpose: record.purpose as SmsCodePurpose,
      lastAttemptDateTime: record.lastAttemptAt,
      nextAttemptDateTime: record.status === "queued" ? record.nextAttemptAt : null,
    });
  }
}
