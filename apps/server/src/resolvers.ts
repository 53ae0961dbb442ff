import { entityResolvers } from './core/entities.ts';
import { queryResolvers } from './core/query.ts';
import { relationResolvers } from './core/relations.ts';
import { vocabularyResolvers } from './core/vocabulary.ts';
import type { Resolvers } from './generated/resolvers.ts';

/** The core schema's resolvers, one file per part (core/); the features keep theirs beside their code (schema.ts merges them). */
export const resolvers: Resolvers[] = [queryResolvers, entityResolvers, relationResolvers, vocabularyResolvers];
