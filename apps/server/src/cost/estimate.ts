import { Kind, OperationTypeNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionNode, type ValueNode } from 'graphql';
import { LIMITS } from '../limits.ts';
import { countFamilies, countKinds, DEFAULT_FAMILIES, DEFAULT_GRAPH_KINDS, municipalityCounts, scopeCounts, type Counts, type DataProfile } from './profile.ts';
import { LIST_SIZES, WORK } from './weights.ts';
import type { EntityKind, RelationFamily } from '@styrgraf/model';

/**
 * The static cost of a GraphQL document: what answering it will read,
 * estimated before any of it runs. A list field's items multiply everything
 * selected below it, so `graph { nodes { relations { from { relations } } } }`
 * costs nodes × relations × relations, not the sum of four fields. How long
 * each list is comes from its arguments (`first`, `depth`, `maxLength`), from
 * the served data set's counts (a whole `graph` is every entity of its kinds)
 * or, where only the data can tell (how many relations an entity has), from
 * sizes measured on Norrköping and the national set (weights.ts, with the
 * calibration).
 *
 * `records` are the list items the answer is expected to hold (what the
 * record budget counts as it runs); `cost` adds the work of the resolvers
 * that do more than read (a sentence, a path search, a traversal), in the
 * same unit: the time of one record.
 */
export interface CostEstimate {
  cost: number;
  records: number;
}

/** What the walk needs of a schema type; read by duck typing, since the schema may come from another build of graphql-js than this file. */
interface TypeLike {
  name?: string;
  toString(): string;
  getFields?(): Record<string, { args: readonly { name: string; defaultValue?: unknown }[]; type: TypeLike }>;
}

type Args = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Args;
  profile: DataProfile;
  records: number;
  /** Where to note the variables whose values the estimate read, when asked (cost/cache.ts): an argument's value is noted when it is read, not when it is given. */
  read: Set<string> | undefined;
}

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Args,
  profile: DataProfile,
  read?: Set<string>,
): CostEstimate {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  if (!operation) return { cost: 0, records: 0 };
  const root =
    operation.operation === OperationTypeNode.QUERY
      ? schema.getQueryType()
      : operation.operation === OperationTypeNode.MUTATION
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const walk: Walk = { schema, fragments, variables, profile, records: 0, read };
  const cost = selectionCost(walk, operation.selectionSet.selections, (root ?? undefined) as TypeLike | undefined, 1, { key: '', args: {} }, new Set());
  return { cost: Math.ceil(cost), records: Math.ceil(walk.records) };
}

/** The field that returned the parents, with its arguments: how long `Subgraph.nodes` is depends on whether a neighbourhood or a graph returned it. */
interface Source {
  key: string;
  args: Args;
}

/** The cost of `selections` on `parent`, asked for `times` parents at once. */
function selectionCost(
  walk: Walk,
  selections: readonly SelectionNode[],
  parent: TypeLike | undefined,
  times: number,
  source: Source,
  spread: Set<string>,
): number {
  let cost = 0;
  for (const selection of selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (walk.schema.getType(selection.typeCondition.name.value) as TypeLike | undefined) : parent;
      // Fields on one implementation of an interface are counted for every item: an upper bound.
      cost += selectionCost(walk, selection.selectionSet.selections, type, times, source, spread);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || spread.has(fragment.name.value)) continue;
      const inner = new Set(spread).add(fragment.name.value);
      cost += selectionCost(
        walk,
        fragment.selectionSet.selections,
        walk.schema.getType(fragment.typeCondition.name.value) as TypeLike | undefined,
        times,
        source,
        inner,
      );
      continue;
    }
    const field = parent?.getFields?.()[selection.name.value];
    if (!field || !parent?.name) continue;
    const key = `${parent.name}.${selection.name.value}`;
    const args = argumentValues(walk.variables, selection.arguments ?? [], field.args, walk.read);
    const { isList, named } = shapeOf(walk.schema, field);
    const size = isList ? listSize(key, args, source, walk.profile, times) : 1;
    const items = times * size;
    if (isList) walk.records += items;
    cost += times * work(key, args, walk.profile) + (isList ? items : 0);
    if (selection.selectionSet) {
      cost += selectionCost(walk, selection.selectionSet.selections, named, items, { key, args }, spread);
    }
  }
  return cost;
}

/** What the walk needs of a field's type: whether it is a list, and the named type under its wrappers. */
interface FieldShape {
  isList: boolean;
  named: TypeLike | undefined;
}

/**
 * A field's shape, worked out once per schema field rather than on every
 * request: printing a wrapped type (`[Relation!]!`) and looking its name up
 * again was a tenth of the estimate, and the estimate runs for every query.
 */
const shapes = new WeakMap<object, FieldShape>();
function shapeOf(schema: GraphQLSchema, field: { type: TypeLike }): FieldShape {
  let shape = shapes.get(field);
  if (!shape) {
    const printed = field.type.toString();
    shape = { isList: printed.startsWith('['), named: schema.getType(printed.replace(/[[\]!]/g, '')) as TypeLike | undefined };
    shapes.set(field, shape);
  }
  return shape;
}

/** How many items a list field is expected to hold, for each of its parents. */
function listSize(key: string, args: Args, source: Source, profile: DataProfile, parents: number): number {
  switch (key) {
    case 'Query.search':
      return num(args.first, 10, LIMITS.searchFirst);
    case 'Query.paths':
      return num(args.first, 10, LIMITS.pathFirst);
    case 'EntityConnection.nodes':
      return Math.min(num(source.args.first, 50, LIMITS.first), countKinds(profile, kindsOf(source.args)));
    case 'Subgraph.nodes':
      return subgraphNodes(source, profile);
    case 'Subgraph.edges':
      return subgraphEdges(source, profile);
    case 'Path.nodes':
      return num(source.args.maxLength, 4, LIMITS.maxLength) + 1;
    case 'Path.steps':
      return num(source.args.maxLength, 4, LIMITS.maxLength);
    case 'Query.decisionAreas':
      return args.actorId
        ? LIST_SIZES.decisionAreasOfActor
        : countKinds(args.municipality ? municipalityCounts(profile, args.municipality) : profile, ['DECISION_AREA']);
    case 'Query.municipalities':
      return Math.max(1, profile.municipalities.size);
    case 'Query.provisions':
      return args.documentId ? LIST_SIZES.provisionsOfDocument : countKinds(profile, ['PROVISION']);
    case 'Query.workshopQuestions':
    case 'WorkshopSection.questions':
      return countKinds(profile, ['WORKSHOP_QUESTION']);
    case 'Query.glossary':
      return countKinds(profile, ['GLOSSARY_TERM']);
    case 'Query.changes':
      return Math.ceil(LIST_SIZES.changesPerRecord * (profile.entities + profile.relations)) + LIST_SIZES.changesAtLeast;
    case 'Quiz.questions':
      return num(source.args.count, 10, LIMITS.listItems);
    default:
      break;
  }
  // One entity may be a hub; across many, what counts is how many relations the end of a relation has on average (weights.ts).
  if (key.endsWith('.relations') && key !== 'QuizOption.relations') return parents <= 1 ? LIST_SIZES.relationsOfOne : LIST_SIZES.relationsOfEach;
  return LIST_SIZES.fields[key] ?? LIST_SIZES.otherList;
}

const kindsOf = (args: Args) => (args.kinds as EntityKind[] | undefined) ?? null;

/** The counts a graph view is bounded by: one municipality's scope, the overview's, or the whole data set's. */
function viewCounts(key: string, args: Args, profile: DataProfile): Counts {
  if (key === 'Query.overview') return scopeCounts(profile.overview);
  return args.municipality ? municipalityCounts(profile, args.municipality) : profile;
}

function subgraphNodes(source: Source, profile: DataProfile): number {
  if (source.key === 'Query.neighbourhood') {
    const depth = Math.max(1, num(source.args.depth, 1, LIMITS.depth));
    const expected = Math.min(countKinds(profile, kindsOf(source.args)), LIST_SIZES.neighbourhoodFirstLevel * LIST_SIZES.neighbourhoodGrowth ** (depth - 1));
    // `first` caps the answer whatever the neighbourhood holds (neighbourhood-cap.ts).
    return Math.min(expected, num(source.args.first, Infinity, LIMITS.neighbourhoodFirst));
  }
  if (source.key === 'Query.graph' || source.key === 'Query.overview')
    return countKinds(viewCounts(source.key, source.args, profile), kindsOf(source.args) ?? DEFAULT_GRAPH_KINDS);
  return LIST_SIZES.otherSubgraphNodes;
}

function subgraphEdges(source: Source, profile: DataProfile): number {
  if (source.key === 'Query.graph' || source.key === 'Query.overview')
    return countFamilies(viewCounts(source.key, source.args, profile), (source.args.families as RelationFamily[] | undefined) ?? DEFAULT_FAMILIES);
  return subgraphNodes(source, profile) * LIST_SIZES.edgesPerNode;
}

/** The work a field does beyond reading, for each parent, in records. */
function work(key: string, args: Args, profile: DataProfile): number {
  switch (key) {
    case 'Query.search': {
      const words = (typeof args.text === 'string' ? args.text : '').split(/\s+/).filter(Boolean).length;
      return WORK.search + WORK.searchPerWord * words;
    }
    case 'Query.paths':
      return (args.mode === 'ALL' ? WORK.allPathsPerHop : WORK.shortestPathsPerHop) * num(args.maxLength, 4, LIMITS.maxLength);
    case 'Query.neighbourhood':
      // The store walks the neighbourhood whatever the query selects of it.
      return subgraphNodes({ key, args }, profile) * (1 + LIST_SIZES.edgesPerNode) * WORK.traversalPerRecord;
    case 'Query.graph':
    case 'Query.overview': {
      // A scoped view reads its scope's lists, not the whole data set (memory/municipality-scopes.ts, scope-members.cypher).
      const counts = viewCounts(key, args, profile);
      return (
        (countKinds(counts, (args.kinds as EntityKind[] | undefined) ?? DEFAULT_GRAPH_KINDS) +
          countFamilies(counts, (args.families as RelationFamily[] | undefined) ?? DEFAULT_FAMILIES)) *
        WORK.traversalPerRecord
      );
    }
    case 'Query.ruleChecks':
      // The rules read the whole graph of every date once per data set and date (or one municipality's): kept for the next request.
      return (
        (args.municipality ? countScopeRecords(municipalityCounts(profile, args.municipality)) : profile.entities + profile.relations) * WORK.rulesPerRecord
      );
    case 'Query.quiz':
      // A quiz works out only the questions it draws; the list of a date's questions is shared work, done once per data version and in slices of its own (training/bank.ts).
      return num(args.count, 10, LIMITS.listItems) * WORK.quizQuestion;
    case 'Query.checkAnswer':
      return WORK.quizQuestion;
    default:
      return WORK.fields[key] ?? 0;
  }
}

const countScopeRecords = (counts: Counts) => counts.entities + counts.relations;

/**
 * A numeric argument, held to its cap: an argument out of range is refused by
 * its resolver with a message that names it (BAD_USER_INPUT), which says more
 * than a cost would.
 */
const num = (value: unknown, fallback: number, max: number = Infinity): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(value, max)) : fallback;

/** The arguments of one field: literals, variables and the schema's defaults. Values the walk cannot read count as absent. */
function argumentValues(
  variables: Args,
  nodes: readonly { name: { value: string }; value: ValueNode }[],
  definitions: readonly { name: string; defaultValue?: unknown }[],
  read: Set<string> | undefined,
): Args {
  const args: Args = {};
  for (const definition of definitions) if (definition.defaultValue !== undefined) args[definition.name] = definition.defaultValue;
  for (const node of nodes) {
    const value = literal(node.value, variables);
    const given = value !== undefined ? value : args[node.name.value];
    const names = read && variablesIn(node.value);
    // An argument fed by variables notes them when the estimate reads it (an entity's `id` is given but never read), absent or not: an absent `first` is as much part of the answer as a given one.
    if (names && names.length > 0)
      Object.defineProperty(args, node.name.value, {
        enumerable: true,
        get: () => {
          for (const name of names) read.add(name);
          return given;
        },
      });
    else if (value !== undefined) args[node.name.value] = value;
  }
  return args;
}

function variablesIn(node: ValueNode): string[] {
  if (node.kind === Kind.VARIABLE) return [node.name.value];
  if (node.kind === Kind.LIST) return node.values.flatMap(variablesIn);
  if (node.kind === Kind.OBJECT) return node.fields.flatMap((f) => variablesIn(f.value));
  return [];
}

function literal(node: ValueNode, variables: Args): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value] ?? undefined;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map((v) => literal(v, variables));
    default:
      return undefined;
  }
}
