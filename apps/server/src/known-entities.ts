import {
  isActorKind,
  type ActorEntity,
  type DecisionAreaEntity,
  type Entity,
  type GlossaryTermEntity,
  type ProvisionEntity,
  type SourceDocumentEntity,
  type WorkshopQuestionEntity,
} from '@styrgraf/model';
import type { Context } from './context.ts';

/**
 * The entities an id in the data names, typed as the SDL's field types ask:
 * a `provisions` field lists provisions, an `actor` field an actor. The
 * validator guarantees every reference resolves and has the right kind, so a
 * miss here is a store out of step with its data, reported as such (an
 * internal error) rather than as the null a non-null field may not return.
 */
export const isActor = (e: Entity): e is ActorEntity => isActorKind(e.kind);
export const isProvision = (e: Entity): e is ProvisionEntity => e.kind === 'PROVISION';
export const isDecisionArea = (e: Entity): e is DecisionAreaEntity => e.kind === 'DECISION_AREA';
export const isSourceDocument = (e: Entity): e is SourceDocumentEntity => e.kind === 'SOURCE_DOCUMENT';
export const isWorkshopQuestion = (e: Entity): e is WorkshopQuestionEntity => e.kind === 'WORKSHOP_QUESTION';
export const isGlossaryTerm = (e: Entity): e is GlossaryTermEntity => e.kind === 'GLOSSARY_TERM';
const isEntity = (_e: Entity): _e is Entity => true;

function dangling(id: string, what: string): never {
  throw new Error(`The store names ${what} "${id}" that it does not hold; reload the data set.`);
}

/** One referenced entity; at once when the request has seen it (the hot path of a relation's ends). */
export function known(ctx: Context, id: string): Entity | Promise<Entity>;
export function known<E extends Entity>(ctx: Context, id: string, is: (e: Entity) => e is E, what?: string): E | Promise<E>;
export function known(ctx: Context, id: string, is: (e: Entity) => boolean = isEntity, what = 'an entity'): Entity | Promise<Entity> {
  // The seen entity is checked without a closure: this runs twice per relation of an answer, and every object made per call is paid again in each scavenge of a large heap.
  const seen = ctx.seen.get(id);
  if (seen) return is(seen) ? seen : dangling(id, what);
  return ctx.loaders.entity.load(id).then((e) => (e && is(e) ? e : dangling(id, what)));
}

/** Referenced entities of one kind, in order; an id that names none, or another kind, is left out. */
export function knownAll(ctx: Context, ids: readonly string[]): Promise<Entity[]>;
export function knownAll<E extends Entity>(ctx: Context, ids: readonly string[], is: (e: Entity) => e is E): Promise<E[]>;
export async function knownAll(ctx: Context, ids: readonly string[], is: (e: Entity) => boolean = isEntity): Promise<Entity[]> {
  const list = await ctx.loaders.entity.loadMany(ids);
  return list.filter((e): e is Entity => !!e && !(e instanceof Error) && is(e));
}
