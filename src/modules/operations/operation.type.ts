import { Field, ID, ObjectType } from "type-graphql";
import { OperationStatus } from "../../graphql/enums.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { OperationRecord } from "./operations.repository.js";
import type { OperationEvent } from "./operations.service.js";

@ObjectType("LongRunningOperation")
export class LongRunningOperation {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  createdDateTime!: Date;

  @Field(() => DateTimeScalar)
  lastActionDateTime!: Date;

  @Field(() => OperationStatus)
  status!: OperationStatus;

  @Field(() => String, { nullable: true, description: "Why the operation is in its status, e.g. ResetSuccess, PasswordPolicyViolation" })
  statusDetail!: string | null;

  @Field(() => String, { nullable: true, description: "The resource the operation acts on" })
  resourceLocation!: string | null;

  /** From a stored operation or from its change event (dates as ISO strings). */
  static of(op: OperationRecord | OperationEvent): LongRunningOperation {
    return Object.assign(new LongRunningOperation(), {
      id: op.id,
      createdDateTime: new Date(op.createdAt),
      lastActionDateTime: new Date(op.lastActionAt),
      status: op.status,
      statusDetail: op.statusDetail,
      resourceLocation: op.resourceLocation,
    });
  }
}
