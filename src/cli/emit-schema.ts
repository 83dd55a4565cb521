import { writeFile } from "node:fs/promises";
import { printGatewaySchema } from "../graphql/emit-schema.js";

await writeFile(new URL("../../schema.graphql", import.meta.url), await printGatewaySchema());
console.log("schema.graphql written");
