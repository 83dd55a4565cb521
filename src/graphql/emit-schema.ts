import "reflect-metadata";
import { printSchema, type GraphQLSchema } from "graphql";
import { ARGUMENT_SCHEMAS, RESOLVERS } from "../modules/index.js";
import { buildGatewaySchema } from "./schema.js";

/** The schema's SDL without any service behind it (for schema.graphql and codegen). */
export async function buildSchemaForPrinting(): Promise<GraphQLSchema> {
  return buildGatewaySchema<never>(RESOLVERS, ARGUMENT_SCHEMAS);
}

export async function printGatewaySchema(): Promise<string> {
  return `# Generated from the type-graphql resolvers by \`npm run schema:emit\`. Do not edit.\n\n${printSchema(await buildSchemaForPrinting())}\n`;
}
