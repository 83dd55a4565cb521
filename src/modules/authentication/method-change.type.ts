import { Field, ID, ObjectType } from "type-graphql";
import { AuthenticationMethod, PasswordAuthenticationMethod, PhoneAuthenticationMethod } from "./authentication-method.type.js";
import type { MethodChangeEvent } from "./method-changes.js";

@ObjectType("AuthenticationMethodChange")
export class AuthenticationMethodChange {
  @Field(() => ID)
  userId!: string;

  @Field(() => String, { description: "added, updated or deleted" })
  kind!: string;

  @Field(() => AuthenticationMethod, { nullable: true })
  method!: AuthenticationMethod | null;

  static of(event: MethodChangeEvent): AuthenticationMethodChange {
    const m = event.method;
    const method =
      m.type === "password"
        ? PasswordAuthenticationMethod.of(m.createdAt ? new Date(m.createdAt) : null)
        : PhoneAuthenticationMethod.of({
            userId: event.userId,
            phoneType: m.phoneType,
            phoneNumber: m.phoneNumber,
            smsSignInEnabled: m.smsSignInEnabled,
            createdAt: new Date(m.createdAt),
            updatedAt: new Date(m.createdAt),
          });
    return Object.assign(new AuthenticationMethodChange(), { userId: event.userId, kind: event.kind, method });
  }
}
