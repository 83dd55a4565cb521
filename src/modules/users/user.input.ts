import { Field, InputType } from "type-graphql";

@InputType("CreateUserInput")
export class CreateUserInput {
  @Field(() => String)
  userPrincipalName!: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: "Must meet the password policy; stored only as a hash" })
  password?: string | null;
}
