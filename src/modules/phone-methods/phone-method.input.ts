import { Field, InputType } from "type-graphql";
import { PhoneType } from "../../graphql/enums.js";

@InputType("PhoneMethodInput")
export class PhoneMethodInput {
  @Field(() => String, { description: 'International form, e.g. "+1 2065550123"' })
  phoneNumber!: string;

  @Field(() => PhoneType)
  phoneType!: PhoneType;
}
