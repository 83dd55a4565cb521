import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { IdentityStore } from "../directory-settings/directory-settings.type.js";
import { IdentityStoreNotice, IdentityStoreNoticeTemplateInput } from "./notice.type.js";
import { NoticeKind } from "./notice-templates.js";
import type { NoticesService } from "./notices.service.js";

const ADMIN_ONLY = "Global Administrator or application permission Policy.ReadWrite.AuthenticationMethod";

@Resolver(() => IdentityStore)
export class NoticesResolver {
  private readonly service: NoticesService;

  constructor(services: { notices: NoticesService }) {
    this.service = services.notices;
  }

  @FieldResolver(() => [IdentityStoreNotice], { description: "Every kind of notice, as this store has it" })
  async notices(@Root() store: IdentityStore, @Ctx() ctx: GraphQLContext): Promise<IdentityStoreNotice[]> {
    return (await this.service.noticesOf(ctx, store.id)).map(IdentityStoreNotice.of);
  }

  @Mutation(() => IdentityStore, { description: `${ADMIN_ONLY}. Switches one kind of notice on or off for the store's users` })
  async setNoticeEnabled(
    @Arg("identityStoreId", () => ID) identityStoreId: string,
    @Arg("kind", () => NoticeKind) kind: NoticeKind,
    @Arg("enabled", () => Boolean) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IdentityStore> {
    return IdentityStore.of(await this.service.setNoticeEnabled(ctx, identityStoreId, kind, enabled));
  }

  @Mutation(() => IdentityStore, { description: `${ADMIN_ONLY}. Sets the texts of the kinds named (others unchanged); one invalid template changes none` })
  async updateIdentityStoreNoticeTemplates(
    @Arg("identityStoreId", () => ID) identityStoreId: string,
    @Arg("templates", () => [IdentityStoreNoticeTemplateInput]) templates: IdentityStoreNoticeTemplateInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<IdentityStore> {
    return IdentityStore.of(await this.service.updateNoticeTemplates(ctx, identityStoreId, templates));
  }
}
