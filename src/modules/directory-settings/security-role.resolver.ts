import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { User } from "../users/user.type.js";
import type { DirectorySettingsService } from "./directory-settings.service.js";
import { SecurityRole } from "./directory-settings.type.js";

/** The relations of a security role, batched per request (DataLoader). */
@Resolver(() => SecurityRole)
export class SecurityRoleResolver {
  private readonly settings: DirectorySettingsService;

  constructor(services: { settings: DirectorySettingsService }) {
    this.settings = services.settings;
  }

  @FieldResolver(() => [User], { description: "The role's members, ordered by userPrincipalName" })
  async members(@Root() role: SecurityRole, @Ctx() ctx: GraphQLContext): Promise<User[]> {
    return (await this.settings.membersOf(ctx, role.id)).map(User.of);
  }
}
