import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError } from "graphql";

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: (GraphQLFormattedError & { extensions?: Record<string, unknown> })[];
}

export interface GraphQLClient {
  execute<T, V>(document: TypedDocumentNode<T, V>, variables?: V, options?: { token?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  /** Raw query text, for what typed documents can't express (invalid queries, limits). */
  request(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GraphQLResponse<any>>;
}

/** Typed execute() over real HTTP. */
export function createGraphQLClient(url: string): GraphQLClient {
  const post = async (query: string, variables: unknown, options: { token?: string; headers?: Record<string, string> } = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<any>;
    return { ...body, status: response.status };
  };
  return {
    execute: (document, variables, options) => post(print(document), variables, options),
    request: (query, variables, options) => post(query, variables, options),
  };
}

/** The error codes of a response, for compact assertions. */
export const codesOf = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);
