import { Field, ID, ObjectType } from "type-graphql";
import type { UserRecord } from "./users.repository.js";

@ObjectType("User")
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  userPrincipalName!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  record!: UserRecord;

  static of(record: UserRecord): User {
    return Object.assign(new User(), {
      id: record.id,
      userPrincipalName: record.userPrincipalName,
      displayName: record.displayName,
      record,
    });
  }
}

@ObjectType("UserEdge")
export class UserEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => User)
  node!: User;
}

@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType("UserConnection")
export class UserConnection {
  @Field(() => [UserEdge])
  edges!: UserEdge[];

  @Field(() => [User])
  nodes!: User[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
