import {
  Kind,
  OperationTypeNode,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LIMITS } from '../limits.ts';
import { executionArgs } from './execution.ts';

/**
 * Every list argument has a cap, checked before anything runs: a list of
 * enum values (kinds, families, roles) at most as long as the enum, any other
 * list at most LIMITS.listItems; and every string argument at most
 * LIMITS.stringLength characters (resolvers check tighter limits of their own,
 * such as the search text). Literal and variable values alike.
 */
export function useArgumentCaps(): Plugin {
  // The arguments to check depend only on the schema and the document, so they are found once per parsed document (yoga's parser cache hands the same document back for the same text); only their values are looked at per request.
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly CappedArgument[]>>();
  return {
    onExecute({ args: given, setResultAndStopExecution }) {
      const args = executionArgs(given);
      let byDocument = bySchema.get(args.schema);
      if (!byDocument) bySchema.set(args.schema, (byDocument = new WeakMap()));
      let capped = byDocument.get(args.document);
      if (!capped) byDocument.set(args.document, (capped = cappedArguments(args.schema, args.document)));
      const problem = firstOversizedArgument(capped, args.variableValues ?? {});
      if (problem) setResultAndStopExecution({ errors: [problem] });
    },
  };
}

/** What the cap check needs of a schema type; read by duck typing, since the schema may come from another build of graphql-js than this file. */
interface TypeLike {
  toString(): string;
  getFields?(): Record<string, { args: readonly { name: string; type: TypeLike }[]; type: TypeLike }>;
  getValues?(): readonly unknown[];
}

/** An argument the query passes, in document order, with the most items it may list when it is a list. */
interface CappedArgument {
  node: ArgumentNode;
  maxItems: number | null;
}

function cappedArguments(schema: GraphQLSchema, document: DocumentNode): CappedArgument[] {
  const named = (type: TypeLike) => schema.getType(type.toString().replace(/[[\]!]/g, '')) as TypeLike | undefined;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const found: CappedArgument[] = [];
  const seen = new Set<string>();
  const walk = (selections: readonly SelectionNode[], parent: TypeLike | undefined): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        const field = parent?.getFields?.()[selection.name.value];
        for (const argument of selection.arguments ?? []) {
          const definition = field?.args.find((a) => a.name === argument.name.value);
          if (!definition) continue;
          const item = definition.type.toString().startsWith('[') ? named(definition.type) : null;
          found.push({ node: argument, maxItems: item === null ? null : item?.getValues ? item.getValues().length : LIMITS.listItems });
        }
        if (selection.selectionSet && field) walk(selection.selectionSet.selections, named(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as TypeLike | undefined) : parent;
        walk(selection.selectionSet.selections, type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment.selectionSet.selections, schema.getType(fragment.typeCondition.name.value) as TypeLike | undefined);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root =
      definition.operation === OperationTypeNode.QUERY
        ? schema.getQueryType()
        : definition.operation === OperationTypeNode.MUTATION
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    walk(definition.selectionSet.selections, (root ?? undefined) as TypeLike | undefined);
  }
  return found;
}

function firstOversizedArgument(capped: readonly CappedArgument[], variables: Record<string, unknown>): GraphQLError | null {
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.LIST) return node.values;
    if (node.kind === Kind.STRING) return node.value;
    return undefined;
  };
  for (const { node, maxItems } of capped) {
    const value = valueOf(node.value);
    const name = node.name.value;
    if (Array.isArray(value) && maxItems !== null) {
      if (value.length > maxItems) {
        return createGraphQLError(`"${name}" may list at most ${maxItems} values; got ${value.length}.`, {
          nodes: [node],
          extensions: { code: 'BAD_USER_INPUT', argument: name, max: maxItems },
        });
      }
    } else if (typeof value === 'string' && value.length > LIMITS.stringLength) {
      return createGraphQLError(`"${name}" may be at most ${LIMITS.stringLength} characters; got ${value.length}.`, {
        nodes: [node],
        extensions: { code: 'BAD_USER_INPUT', argument: name, max: LIMITS.stringLength },
      });
    }
  }
  return null;
}
