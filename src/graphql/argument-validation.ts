import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { z } from "zod";
import { badInput } from "../errors/domain-error.js";

/**
 * The arguments of every field that takes any, by schema coordinate (`Mutation.addPhoneMethod`).
 * Each feature owns the schemas of its fields (`modules/<feature>/<feature>.args.ts`).
 */
export type ArgumentSchemas = Record<string, z.ZodObject>;

// C0 and C1 controls and DEL (NUL, escape, ...): no id, name or secret has a use for them.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_NEWLINE = /(?!\n)\p{Cc}/u;
// Invisible formatting (zero-width characters, bidi controls): nobody reading an id sees them.
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}]/u;
// Bidi embeddings, overrides and isolates make a name read as something it isn't.
const CONTROL_OR_BIDI = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
// Half a UTF-16 pair: not text, and not storable as UTF-8.
const LONE_SURROGATE = /\p{Cs}/u;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A string argument: bounded, well-formed, without the characters `forbidden` matches. The
 * bounds are generous: services keep their own, tighter rules and the reasons that go with them.
 */
const text = (max: number, forbidden: RegExp, forbiddenMessage: string) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !LONE_SURROGATE.test(value), "must be well-formed Unicode text")
    .refine((value) => !forbidden.test(value), forbiddenMessage);

/** An id or a reference by name (user id or userPrincipalName, method id, identity store...). */
export const id = text(256, CONTROL_OR_INVISIBLE, "must not contain control or invisible characters").refine(
  (value) => value.trim().length > 0,
  "must not be empty",
);

/** A user's id or userPrincipalName; null or omitted means the signed-in user where allowed. */
export const optionalUserReference = id.nullish();

/** A sign-in name: Entra allows ASCII only, so look-alike letters never name anyone. */
export const userPrincipalName = z
  .string()
  .max(1024, "must be at most 1024 characters")
  .regex(PRINTABLE_ASCII, "must contain only ASCII letters, digits and punctuation");

/** A display name or a label: one line of text, read by people. */
export const name = text(1024, CONTROL_OR_BIDI, "must not contain control characters or bidirectional overrides");

/** A password, one-time code, token or credential: compared or hashed, never shown. */
export const secret = text(1024, CONTROL, "must not contain control characters");

/** A phone number as typed (libphonenumber-js parses it, look-alike digits included). */
export const phoneNumber = text(256, CONTROL, "must not contain control characters");

/** An http(s) URL the server calls (a webhook endpoint). */
export const endpointUrl = text(4096, CONTROL, "must not contain control characters");

/** An SMS message template: may break lines. */
export const smsTemplate = text(1024, CONTROL_BUT_NEWLINE, "must not contain control characters other than line breaks");

/** Free text to search for. */
export const search = text(1024, CONTROL, "must not contain control characters");

/** A Relay cursor this server issued: base64url of text without control characters. */
export const cursor = z
  .string()
  .max(1024, "must be at most 1024 characters")
  .regex(BASE64URL, "is not a cursor")
  .refine((value) => !CONTROL.test(Buffer.from(value, "base64url").toString("utf8")), "is not a cursor");

/** Refuses arguments the schema doesn't accept, naming the first offending argument. */
export function assertValidArguments(schema: z.ZodObject, args: unknown): void {
  const result = schema.safeParse(args);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".");
  throw badInput(`Invalid argument ${field}: ${issue.message}`, { field, reason: "invalidArgument" });
}

/**
 * Where a field's arguments and the schemas disagree: fields with arguments and no schema,
 * arguments a schema doesn't name, and schemas of fields that don't exist.
 */
export function argumentSchemaGaps(schema: GraphQLSchema, schemas: ArgumentSchemas): string[] {
  const gaps: string[] = [];
  const coordinates = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const coordinate = `${type.name}.${field.name}`;
      coordinates.add(coordinate);
      const argsSchema = schemas[coordinate];
      if (!argsSchema) gaps.push(`${coordinate} has no argument schema`);
      else for (const arg of field.args) if (!(arg.name in argsSchema.shape)) gaps.push(`${coordinate}(${arg.name}:) is not in its argument schema`);
    }
  }
  for (const coordinate of Object.keys(schemas)) if (!coordinates.has(coordinate)) gaps.push(`${coordinate} is not a field with arguments`);
  return gaps;
}

/**
 * Validates every field's arguments before its resolver runs (for subscriptions: before
 * subscribing), whatever the transport. Wrapping the schema's resolvers, rather than a
 * type-graphql middleware, also covers `subscribe` and costs nothing on fields without arguments.
 * Refuses to build when a field with arguments has no schema, so none can skip validation.
 */
export function validateArguments(schema: GraphQLSchema, schemas: ArgumentSchemas): GraphQLSchema {
  const gaps = argumentSchemaGaps(schema, schemas);
  if (gaps.length > 0) throw new Error(`Argument validation is incomplete: ${gaps.join("; ")}`);
  const guard =
    (argsSchema: z.ZodObject, resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
    (source, args, context, info) => {
      assertValidArguments(argsSchema, args);
      return resolve(source, args, context, info);
    };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const argsSchema = schemas[`${type.name}.${field.name}`];
      if (!argsSchema) continue;
      if (field.subscribe) field.subscribe = guard(argsSchema, field.subscribe);
      else field.resolve = guard(argsSchema, field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}
