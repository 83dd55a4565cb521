import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { DirectoryRoleName } from "../../graphql/enums.js";
import { Authentication } from "../authentication/authentication.type.js";
import { CreateUserInput } from "./user.input.js";
import { User, UserConnection } from "./user.type.js";
import type { UsersService } from "./users.service.js";

@Resolver(() => User)
export class UsersResolver {
  private readonly directory: UsersService;

  constructor(services: { users: UsersService }) {
    this.directory = services.users;
  }

  @Query(() => User, { description: "The signed-in user" })
  async me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return User.of(await this.directory.me(ctx));
  }

  @Query(() => User, { nullable: true, description: "A user by id or userPrincipalName (case-insensitive)" })
  async user(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return User.of(await this.directory.resolveTarget(ctx, id, "read"));
  }

  @Query(() => UserConnection, { description: "The directory, ordered by userPrincipalName (Relay cursor connection)" })
  async users(
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserConnection> {
    const page = await this.directory.listUsers(ctx, { first: first ?? 50, after, search });
    const edges = page.users.map((u) => ({ cursor: this.directory.encodeCursor(u), node: User.of(u) }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @FieldResolver(() => [DirectoryRoleName])
  async directoryRoles(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<DirectoryRoleName[]> {
    return this.directory.directoryRoles(ctx, user.id);
  }

  @FieldResolver(() => Authentication)
  async authentication(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Authentication> {
    await this.directory.resolveTarget(ctx, user.id, "read");
    return Object.assign(new Authentication(), {
      userId: user.id,
      hasPassword: Boolean(user.record.passwordHash),
      passwordChangedAt: user.record.passwordChangedAt,
    });
  }

  @Mutation(() => User, { description: "Global Administrator or application permission User.ReadWrite.All" })
  async createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return User.of(await this.directory.createUser(ctx, input));
  }

  @Mutation(() => ID)
  async deleteUser(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return this.directory.deleteUser(ctx, id);
  }

  @Mutation(() => User)
  async assignDirectoryRole(
    @Arg("userId", () => ID) userId: string,
    @Arg("role", () => DirectoryRoleName) role: DirectoryRoleName,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return User.of(await this.directory.assignDirectoryRole(ctx, userId, role));
  }

  @Mutation(() => User)
  async removeDirectoryRole(
    @Arg("userId", () => ID) userId: string,
    @Arg("role", () => DirectoryRoleName) role: DirectoryRoleName,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return User.of(await this.directory.removeDirectoryRole(ctx, userId, role));
  }
}
