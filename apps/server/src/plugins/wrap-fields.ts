import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** What a field returns, as far as wrapping it goes: a list, an object, or a scalar with a resolver of its own (a label, a sentence). */
export type FieldShape = 'list' | 'object' | 'scalar';

type Resolver = GraphQLFieldResolver<unknown, object>;

/**
 * Wraps the resolvers of a schema once, where work can be spent or saved:
 * list fields, object fields and fields with a resolver of their own (`wrap`
 * may leave a shape alone by answering null). A plain property read of a
 * scalar is never wrapped: it costs nothing. `key`
 * marks a field as wrapped by one plugin, so that a schema seen twice is not
 * wrapped twice. (envelop's useOnResolve wraps every field, with half a
 * dozen closures per field per request: two thirds of the time of a depth-2
 * neighbourhood.)
 */
export function wrapFields(schema: GraphQLSchema, key: symbol, wrap: (resolve: Resolver, shape: FieldShape) => Resolver | null): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (tag(type) !== 'GraphQLObjectType' || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields()) as (GraphQLField<unknown, object> & { [key: symbol]: true })[]) {
      if (field[key]) continue;
      const resolve = (field.resolve ?? defaultFieldResolver) as Resolver;
      const nullable = tag(field.type) === 'GraphQLNonNull' ? (field.type as GraphQLNonNull<GraphQLOutputType>).ofType : field.type;
      const shape: FieldShape | null = tag(nullable) === 'GraphQLList' ? 'list' : !LEAF_TYPES.has(tag(nullable)) ? 'object' : field.resolve ? 'scalar' : null;
      const wrapper = shape && wrap(resolve, shape);
      if (!wrapper) continue;
      field.resolve = wrapper;
      field[key] = true;
    }
  }
}

/** A schema type's class, read by its tag rather than instanceof: the schema may come from another build of graphql-js than this file. */
export const tag = (type: object): string => (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] ?? '';
const LEAF_TYPES = new Set(['GraphQLScalarType', 'GraphQLEnumType']);

export const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';
