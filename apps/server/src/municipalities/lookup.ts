import type { MunicipalitySummary } from '@styrgraf/store';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { checkLength, LIMITS } from '../limits.ts';

/** The data set's municipalities by id, asked of the store once per request. */
export function municipalitiesById(ctx: Context): Promise<Map<string, MunicipalitySummary>> {
  ctx.municipalities ??= ctx.store.municipalities().then(({ municipalities }) => new Map(municipalities.map((m) => [m.entity.id, m])));
  return ctx.municipalities;
}

/**
 * The municipality a `municipality` argument names; NOT_FOUND with the
 * nearest municipality's name when none has the id, as for entities.
 */
export async function requireMunicipality(ctx: Context, id: string, argument = 'municipality'): Promise<MunicipalitySummary> {
  checkLength(argument, id, LIMITS.idLength);
  const byId = await municipalitiesById(ctx);
  const found = byId.get(id);
  if (found) return found;
  const hits = id.trim() ? await ctx.store.search({ text: id.replace(/[-_.]+/g, ' '), kinds: ['ORGANISATION'], first: 10 }) : [];
  const hint = hits.map((h) => byId.get(h.entity.id)).find((m) => m !== undefined);
  const listed =
    byId.size === 1 ? ` The data set holds one: "${[...byId.keys()][0]}".` : ` The data set's ${byId.size} municipalities are listed by \`municipalities\`.`;
  throw notFound(
    `No municipality has the id "${id}" (argument "${argument}").${hint ? ` Did you mean "${hint.entity.id}" (${hint.entity.name.sv})?` : listed}`,
    argument,
    hint ? { id: hint.entity.id, name: hint.entity.name.sv } : undefined,
  );
}

/** The argument checked, or null when absent: what the store's `municipality` takes. */
export async function municipalityArgument(ctx: Context, id: string | null | undefined): Promise<string | null> {
  if (id === null || id === undefined) return null;
  return (await requireMunicipality(ctx, id)).entity.id;
}
