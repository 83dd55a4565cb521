import { Field, ObjectType } from "type-graphql";
import { LongRunningOperation } from "../operations/operation.type.js";

@ObjectType("PasswordResetResult")
export class PasswordResetResult {
  @Field(() => LongRunningOperation)
  operation!: LongRunningOperation;

  @Field(() => String, { nullable: true, description: "The generated password, returned once when none was given" })
  newPassword!: string | null;
}
