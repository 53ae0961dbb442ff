import { isValidAt, type ActorEntity, type Entity, type SourceDocumentEntity } from '@styrgraf/model';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { isActor, known } from '../known-entities.ts';
import { addTo } from '@styrgraf/model';

/** Resolvers of posts and generic roles (W3C ORG org:Post, org:role); merged into the schema in schema.ts. */

const PAGE = 200;

/**
 * Every post of each generic role, read once per request: posts name their
 * role in a field, not in a relation, so they are found by listing the
 * entities of the role's kind (a few pages even for the national set).
 */
const postsByRole = new WeakMap<Context, Map<string, Promise<Map<string, ActorEntity[]>>>>();

async function listPosts(ctx: Context, kind: ActorEntity['kind']): Promise<Map<string, ActorEntity[]>> {
  const byRole = new Map<string, ActorEntity[]>();
  let after: string | null = null;
  for (;;) {
    const page = await ctx.store.listEntities({ kinds: [kind], first: PAGE, after });
    for (const entity of page.items as ActorEntity[]) {
      if (entity.role) addTo(byRole, entity.role, entity);
    }
    if (!page.hasNextPage) return byRole;
    after = page.endCursor;
  }
}

function postsOf(ctx: Context, role: ActorEntity): Promise<Map<string, ActorEntity[]>> {
  let cache = postsByRole.get(ctx);
  if (!cache) postsByRole.set(ctx, (cache = new Map<string, Promise<Map<string, ActorEntity[]>>>()));
  let posts = cache.get(role.kind);
  if (!posts) cache.set(role.kind, (posts = listPosts(ctx, role.kind)));
  return posts;
}

const actor = (ctx: Context, id: string | undefined) => (id ? known(ctx, id, isActor, 'an actor') : null);

export const postResolvers: Resolvers = {
  Actor: {
    role: (e: ActorEntity, _args, ctx) => actor(ctx, e.role),
    postIn: (e: ActorEntity, _args, ctx) => actor(ctx, e.postIn),
    generic: (e: ActorEntity) => e.generic === true,
    posts: async (e: ActorEntity, args, ctx) => {
      if (!e.generic) return [];
      const posts = (await postsOf(ctx, e)).get(e.id) ?? [];
      return posts.filter((p) => isValidAt(p, args.asOf ?? null)).sort((a: Entity, b) => a.name.sv.localeCompare(b.name.sv, 'sv'));
    },
  },
  SourceDocument: {
    governs: (e: SourceDocumentEntity, _args, ctx) => actor(ctx, e.governs),
  },
};
