import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from "graphql";

/** What any operation may be, on any transport (configured from the environment). */
export interface OperationLimits {
  /** Fields nested deeper than this are refused (introspection not counted). */
  maxDepth: number;
  /** Estimated fields resolved, lists multiplied by their page size. */
  maxCost: number;
  /** Lexical tokens in the document: the parser stops reading past this. */
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxFragmentSpreads: number;
}

// Lists without a `first` argument still fan out: count them as this many items.
const DEFAULT_LIST_SIZE: Record<string, number> = { users: 50, smsDeliveries: 50, edges: 1, nodes: 1 };

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

const limitError = (message: string, reason: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", reason, http: { status: 400 } } });

/**
 * Depth and estimated cost of an operation, introspection not counted. Each fragment is
 * measured once and its result reused wherever it is spread, so the walk is linear in the size
 * of the document even when spreads nest exponentially (the cost itself still multiplies).
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  const measured = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const fragment = (name: string): Measure => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments[name];
    // A cycle is a validation error reported elsewhere; here it just adds nothing.
    if (!definition || inProgress.has(name)) return { depth: 0, cost: 0 };
    inProgress.add(name);
    const result = visit(definition.selectionSet);
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  };

  const visit = (set: SelectionSetNode): Measure => {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        const child = selection.selectionSet ? visit(selection.selectionSet) : { depth: 0, cost: 0 };
        const first = valueOf(selection.arguments?.find((a) => a.name.value === "first")?.value, variables);
        const multiplier = typeof first === "number" ? Math.max(first, 1) : (DEFAULT_LIST_SIZE[selection.name.value] ?? 1);
        depth = Math.max(depth, child.depth + 1);
        cost += 1 + multiplier * child.cost;
      } else {
        const m = selection.kind === Kind.INLINE_FRAGMENT ? visit(selection.selectionSet) : fragment(selection.name.value);
        depth = Math.max(depth, m.depth);
        cost += m.cost;
      }
    }
    return { depth, cost };
  };
  return visit(operation.selectionSet);
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
}

/** Throws before execution when an operation is deeper or costlier than allowed. */
export function assertWithinLimits(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: Pick<OperationLimits, "maxDepth" | "maxCost">,
) {
  const { depth, cost } = measureOperation(operation, fragmentsOf(document), variables);
  if (depth > limits.maxDepth) throw limitError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, "queryTooDeep");
  if (cost > limits.maxCost) throw limitError(`Query cost ${cost} exceeds the budget of ${limits.maxCost}`, "queryTooCostly");
}

/**
 * A validation rule bounding the document as written (aliases, directives, fragment spreads),
 * counted in one pass before anything walks the operation.
 */
export function documentBoundsRule(limits: Pick<OperationLimits, "maxAliases" | "maxDirectives" | "maxFragmentSpreads">): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    let spreads = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Directive() {
        directives++;
      },
      FragmentSpread() {
        spreads++;
      },
      Document: {
        leave() {
          const over = (count: number, max: number, what: string, reason: string) => {
            if (count > max) context.reportError(limitError(`The document has ${count} ${what}; at most ${max} are allowed`, reason));
          };
          over(aliases, limits.maxAliases, "aliases", "tooManyAliases");
          over(directives, limits.maxDirectives, "directives", "tooManyDirectives");
          over(spreads, limits.maxFragmentSpreads, "fragment spreads", "tooManyFragmentSpreads");
        },
      },
    };
  };
}
