import { ENTITY_KIND_LABELS, FAMILY_LABELS, type Bilingual, type EntityKind, type RelationFamily } from '@styrgraf/model';
import type { Resolvers } from '../generated/resolvers.ts';
import { lang } from './arguments.ts';

/** Resolvers of the vocabulary's labels. */

export const vocabularyResolvers: Resolvers = {
  FamilyInfo: {
    label: (f: { family: RelationFamily }, args) => FAMILY_LABELS[f.family][lang(args)],
  },
  RelationKindInfo: {
    label: (k: { label: Bilingual }, args) => k.label[lang(args)],
    inverseLabel: (k: { inverse: Bilingual }, args) => k.inverse[lang(args)],
    fromKinds: (k: { from: readonly EntityKind[] }) => [...k.from],
    toKinds: (k: { to: readonly EntityKind[] }) => [...k.to],
    hierarchy: (k: { hierarchy?: string }) => !!k.hierarchy,
  },
  EntityKindInfo: {
    label: (k: { kind: EntityKind }, args) => ENTITY_KIND_LABELS[k.kind][lang(args)],
  },
};
