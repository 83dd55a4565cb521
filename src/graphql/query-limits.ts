import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

// Lists without a `first` argument still fan out: count them as this many items.
const DEFAULT_LIST_SIZE: Record<string, number> = { users: 50, edges: 1, nodes: 1 };

function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

interface Measure {
  depth: number;
  cost: number;
}

/** Depth and estimated cost of an operation, fragments inlined, introspection not counted. */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  const visit = (set: SelectionSetNode, seen: Set<string>): Measure => {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        const child = selection.selectionSet ? visit(selection.selectionSet, seen) : { depth: 0, cost: 0 };
        const first = valueOf(selection.arguments?.find((a) => a.name.value === "first")?.value, variables);
        const multiplier = typeof first === "number" ? Math.max(first, 1) : (DEFAULT_LIST_SIZE[selection.name.value] ?? 1);
        depth = Math.max(depth, child.depth + 1);
        cost += 1 + multiplier * child.cost;
      } else {
        let inner: SelectionSetNode | undefined;
        if (selection.kind === Kind.INLINE_FRAGMENT) inner = selection.selectionSet;
        else if (!seen.has(selection.name.value)) inner = fragments[selection.name.value]?.selectionSet;
        if (!inner) continue;
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
        const m = visit(inner, name ? new Set([...seen, name]) : seen);
        depth = Math.max(depth, m.depth);
        cost += m.cost;
      }
    }
    return { depth, cost };
  };
  return visit(operation.selectionSet, new Set());
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
}

/** Throws before execution when an operation is deeper or costlier than allowed. */
export function assertWithinLimits(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: QueryLimits) {
  const { depth, cost } = measureOperation(operation, fragmentsOf(document), variables);
  if (depth > limits.maxDepth) {
    throw new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
      extensions: { code: "BAD_USER_INPUT", reason: "queryTooDeep", http: { status: 400 } },
    });
  }
  if (cost > limits.maxCost) {
    throw new GraphQLError(`Query cost ${cost} exceeds the budget of ${limits.maxCost}`, {
      extensions: { code: "BAD_USER_INPUT", reason: "queryTooCostly", http: { status: 400 } },
    });
  }
}

export function queryLimitsPlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation) assertWithinLimits(document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}
