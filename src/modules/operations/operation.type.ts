import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { OperationEvent } from "./operations.service.js";
import type { OperationRecord } from "./operations.repository.js";

export enum LongRunningOperationStatus {
  notStarted = "notStarted",
  running = "running",
  succeeded = "succeeded",
  failed = "failed",
}
registerEnumType(LongRunningOperationStatus, { name: "LongRunningOperationStatus" });

@ObjectType("LongRunningOperation")
export class LongRunningOperation {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  createdDateTime!: Date;

  @Field(() => DateTimeScalar)
  lastActionDateTime!: Date;

  @Field(() => LongRunningOperationStatus)
  status!: LongRunningOperationStatus;

  @Field(() => String, { nullable: true, description: "Why the operation is in its status, e.g. ResetSuccess, PasswordPolicyViolation" })
  statusDetail!: string | null;

  @Field(() => String, { nullable: true, description: "The resource the operation acts on" })
  resourceLocation!: string | null;

  static of(op: OperationRecord | OperationEvent): LongRunningOperation {
    const record = op as Partial<OperationRecord> & Partial<OperationEvent>;
    return Object.assign(new LongRunningOperation(), {
      id: op.id,
      createdDateTime: new Date(record.createdAt!),
      lastActionDateTime: new Date(record.lastActionAt!),
      status: op.status as LongRunningOperationStatus,
      statusDetail: op.statusDetail,
      resourceLocation: op.resourceLocation,
    });
  }
}
