import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { createLruCache } from "../lib/lru-cache.js";
import { createRequestLoaders } from "../modules/request-scope.js";
import type { Authenticator } from "../auth/authenticate.js";
import type { ContextFactory, GraphQLContext } from "./context.js";
import { assertWithinLimits, documentBoundsRule, type OperationLimits } from "./operation-limits.js";
type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Who sent an operation, as its transport saw it. */
export interface Caller {
  authorization: unknown;
  requestId?: string;
  clientAddress?: string;
}

export type PreparedOperation =
  | { args: ExecutionArgs & { contextValue: GraphQLContext }; errors?: undefined }
  | { errors: GraphQLError[]; unauthenticated: boolean };

const withCode = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });

// Sized for what is shared (many subscribers sending the same few documents), so that a client
// sending many large distinct documents can't make it hold much: at most 256 of 4,096 characters.
const DOCUMENT_CACHE_ENTRIES = 256;
const MAX_CACHED_DOCUMENT_LENGTH = 4096;

/**
 * The one path every GraphQL operation takes, whichever transport carries it: authenticate the
 * caller as they are now, parse within a token budget, validate (the standard rules, document
 * bounds, and no introspection where it is off), resolve the operation, coerce its variables,
 * refuse it when too deep or costly, and format every error through the same boundary.
 *
 * Apollo Server runs these steps itself over HTTP, configured from here (`apollo`); graphql-ws
 * runs them through `prepare`, in the same order, for every message on a socket.
 */
export function createOperationGate(deps: {
  schema: GraphQLSchema;
  limits: OperationLimits;
  introspection: boolean;
  authenticate: Authenticator;
  createContext: ContextFactory;
  formatError: ErrorFormatter;
}) {
  const { schema, limits, authenticate, createContext, formatError } = deps;
  const validationRules: ValidationRule[] = [documentBoundsRule(limits), ...(deps.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const parseOptions = { maxTokens: limits.maxTokens };

  async function contextFor(caller: Caller): Promise<GraphQLContext> {
    // The caller is read into the request's loaders, where the operation finds it again.
    const loaders = createRequestLoaders();
    return createContext(await authenticate(caller.authorization, loaders), caller.requestId, caller.clientAddress, loaders);
  }

  const limitsPlugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation) assertWithinLimits(document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };

  // Parsing and validating depend on the text alone: a thousand subscribers sending one document
  // share one AST (memory) and the work is done once (CPU).
  const documents = createLruCache<string, { document: DocumentNode } | { errors: GraphQLError[] }>(DOCUMENT_CACHE_ENTRIES);
  function checkedDocument(query: string): { document: DocumentNode } | { errors: GraphQLError[] } {
    const cached = documents.get(query);
    if (cached) return cached;
    let checked: { document: DocumentNode } | { errors: GraphQLError[] };
    try {
      const document = parse(query, parseOptions);
      const validationErrors = validate(schema, document, [...specifiedRules, ...validationRules]);
      checked = validationErrors.length ? { errors: validationErrors.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED")) } : { document };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      checked = { errors: [withCode(error, "GRAPHQL_PARSE_FAILED")] };
    }
    if (query.length <= MAX_CACHED_DOCUMENT_LENGTH) documents.set(query, checked);
    return checked;
  }

  async function prepare(request: { query?: unknown; variables?: unknown; operationName?: unknown }, caller: Caller): Promise<PreparedOperation> {
    const fail = (errors: GraphQLError[], unauthenticated = false): PreparedOperation => ({ errors, unauthenticated });

    let contextValue: GraphQLContext;
    try {
      contextValue = await contextFor(caller);
    } catch (error) {
      if (error instanceof GraphQLError) return fail([error], error.extensions.code === "UNAUTHENTICATED");
      throw error;
    }

    const { query, variables, operationName } = request;
    if (typeof query !== "string" || query.length === 0) return fail([new GraphQLError("The operation must have a non-empty `query`", { extensions: { code: "BAD_REQUEST" } })]);
    const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
    if (variables !== undefined && variables !== null && !isObject(variables)) return fail([new GraphQLError("`variables` must be an object", { extensions: { code: "BAD_REQUEST" } })]);
    if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return fail([new GraphQLError("`operationName` must be a string", { extensions: { code: "BAD_REQUEST" } })]);

    const checked = checkedDocument(query);
    if ("errors" in checked) return fail(checked.errors);
    const { document } = checked;

    const operation = getOperationAST(document, (operationName as string | null | undefined) ?? undefined);
    if (!operation) {
      const message = operationName ? `Unknown operation named "${String(operationName)}"` : "Must provide operation name if query contains multiple operations";
      return fail([new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } })]);
    }

    const variableValues = (variables ?? {}) as Record<string, unknown>;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues, { maxErrors: 20 });
    if (coerced.errors) return fail(coerced.errors.map((e) => withCode(e, "BAD_USER_INPUT")));

    try {
      assertWithinLimits(document, operation, variableValues, limits);
    } catch (error) {
      if (error instanceof GraphQLError) return fail([error]);
      throw error;
    }

    return { args: { schema, document, variableValues, operationName: operationName as string | undefined, contextValue } };
  }

  /** Whether an HTTP request's body is a valid query (its document checked once, as above). */
  function isQuery(body: unknown): boolean {
    if (typeof body !== "object" || body === null) return false;
    const { query, operationName } = body as { query?: unknown; operationName?: unknown };
    if (typeof query !== "string" || query.length === 0 || (operationName != null && typeof operationName !== "string")) return false;
    const checked = checkedDocument(query);
    return "document" in checked && getOperationAST(checked.document, (operationName as string | null | undefined) ?? undefined)?.operation === "query";
  }

  /** The error boundary, as JSON: codes and reasons kept, transport details dropped, the unexpected masked. */
  function formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((error) => {
      const formatted = formatError(error.toJSON(), error);
      if (!formatted.extensions || !("http" in formatted.extensions)) return formatted;
      const { http: _http, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    });
  }

  function formatResult(result: ExecutionResult): FormattedExecutionResult {
    const { errors, ...rest } = result;
    return errors?.length ? { ...rest, errors: formatErrors(errors) } : rest;
  }

  return {
    /** Apollo Server options that make HTTP take the same steps. */
    apollo: { parseOptions, validationRules, plugins: [limitsPlugin], formatError },
    contextFor,
    prepare,
    isQuery,
    formatErrors,
    formatResult,
  };
}

export type OperationGate = ReturnType<typeof createOperationGate>;
