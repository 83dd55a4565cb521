import type { Tracer } from "@opentelemetry/api";
import { ATTR_DB_OPERATION_NAME, ATTR_DB_QUERY_TEXT, ATTR_DB_SYSTEM_NAME, DB_SYSTEM_NAME_VALUE_POSTGRESQL } from "@opentelemetry/semantic-conventions";
import type { PrismaClient } from "../generated/prisma/client.js";
import { inChildSpan } from "../observability/tracing.js";
import type { Sql } from "./sql.js";

const system = { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL };

/** The hot path's statements, each in a span under the request's (statement text only: values never). */
export function traceSql(sql: Sql, tracer: Tracer): Sql {
  return {
    query: (statement, values) =>
      inChildSpan(tracer, `sql ${statement.name}`, { ...system, [ATTR_DB_OPERATION_NAME]: statement.name, [ATTR_DB_QUERY_TEXT]: statement.text }, () => sql.query(statement, values)),
  };
}

/** Every Prisma query in a span under the request's (model and operation; arguments never). */
export function tracePrisma(prisma: PrismaClient, tracer: Tracer): PrismaClient {
  const extended = prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const name = model ? `prisma ${model}.${operation}` : `prisma ${operation}`;
        return inChildSpan(tracer, name, { ...system, [ATTR_DB_OPERATION_NAME]: operation, "db.collection.name": model ?? "" }, () => query(args));
      },
    },
  });
  // The extension changes no method's signature; its type is Prisma's generic extended client.
  return extended as unknown as PrismaClient;
}
