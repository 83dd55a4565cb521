import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { NoticeKind } from "./notice-templates.js";
import type { NoticeSetting } from "./notices.service.js";

registerEnumType(NoticeKind, {
  name: "NoticeKind",
  description: "A change of a user's authentication methods the user can be told about by SMS",
});

const TEMPLATE_RULES = "At most one SMS (160 GSM-7 characters, or 70 UCS-2); [Last4] (the phone's last four digits) is the only placeholder, in the phone kinds";

@ObjectType("IdentityStoreNotice", { description: "An SMS to the user's mobile phone when their authentication methods change (OWASP ASVS 5.0 6.3.7); never a code or a full number" })
export class IdentityStoreNotice {
  @Field(() => NoticeKind)
  kind!: NoticeKind;

  @Field(() => Boolean, { description: "Off by default" })
  enabled!: boolean;

  @Field(() => String, { description: `The text sent. ${TEMPLATE_RULES}` })
  template!: string;

  @Field(() => Boolean, { description: "The built-in text (no template was set, or it was reset with null)" })
  isDefaultTemplate!: boolean;

  static of(setting: NoticeSetting): IdentityStoreNotice {
    return Object.assign(new IdentityStoreNotice(), setting);
  }
}

@InputType("IdentityStoreNoticeTemplateInput")
export class IdentityStoreNoticeTemplateInput {
  @Field(() => NoticeKind)
  kind!: NoticeKind;

  @Field(() => String, { nullable: true, description: `${TEMPLATE_RULES}. null: back to the built-in text` })
  template?: string | null;
}
