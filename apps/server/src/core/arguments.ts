import { isIsoDate, type Bilingual, type Entity, type EntityKind, type Lang } from '@styrgraf/model';
import { GraphQLScalarType, Kind } from 'graphql';
import { type Context } from '../context.ts';
import { badInput, notFound } from '../errors.ts';
import { checkLength, LIMITS } from '../limits.ts';
/** What the core resolvers share: the language argument, the Date scalar, and an id the client gave that must name an entity. */

export type LangArg = { lang?: 'SV' | 'EN' };
export const lang = (args: LangArg): Lang => (args.lang === 'EN' ? 'en' : 'sv');
export const pick = (text: Bilingual | undefined, args: LangArg) => text?.[lang(args)] ?? null;

/** Kinds a graph shows when the client names none: the organisation and its decisions, not the sources. */
export const DEFAULT_GRAPH_KINDS: EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value !== 'string' || !isIsoDate(value)) throw badInput(`Dates are written YYYY-MM-DD (e.g. 2024-01-01); got ${JSON.stringify(value)}.`);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value)) {
      throw badInput(`Dates are written YYYY-MM-DD (e.g. 2024-01-01); got ${ast.kind === Kind.STRING ? JSON.stringify(ast.value) : ast.kind}.`);
    }
    return ast.value;
  },
});

export async function requireEntity(ctx: Context, id: string, argument: string): Promise<Entity> {
  checkLength(argument, id, LIMITS.idLength);
  const entity = await ctx.loaders.entity.load(id);
  if (entity) return entity;
  const [hint] = id.trim() ? await ctx.store.search({ text: id.replace(/[-_.]+/g, ' '), first: 1 }) : [];
  throw notFound(
    `No entity has the id "${id}" (argument "${argument}").${hint ? ` Did you mean "${hint.entity.id}" (${hint.entity.name.sv})?` : ''}`,
    argument,
    hint ? { id: hint.entity.id, name: hint.entity.name.sv } : undefined,
  );
}
