import { ObjectType } from "type-graphql";

/** A user's authentication methods; its fields are resolved by AuthenticationResolver. */
@ObjectType("Authentication")
export class Authentication {
  userId!: string;
  passwordChangedAt!: Date | null;
  hasPassword!: boolean;
}
