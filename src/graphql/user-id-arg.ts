import { Arg, ID } from "type-graphql";

/** The optional `userId` argument of the spec: a user's id or userPrincipalName; omitted = the caller. */
export const UserIdArg = () => Arg("userId", () => ID, { nullable: true, description: "A user's id or userPrincipalName; omitted: the signed-in user" });
