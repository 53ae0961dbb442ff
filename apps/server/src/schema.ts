import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { evidenceResolvers } from './evidence/resolvers.ts';
import { municipalityResolvers } from './municipalities/resolvers.ts';
import { postResolvers } from './posts/resolvers.ts';
import { resolvers } from './resolvers.ts';
import { orgContextResolvers } from './org-context.ts';
import { ruleResolvers } from './rules/resolvers.ts';
import { trainingResolvers } from './training/resolvers.ts';

const schemaDir = new URL('./schema/', import.meta.url);

/** The SDL, read from schema/*.graphql in name order; a feature adds its own file and `extend type Query`. */
export function readTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(new URL(f, schemaDir), 'utf8'));
}

/** Resolver maps are merged, so each feature keeps its resolvers beside its own code. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: [...resolvers, trainingResolvers, orgContextResolvers, evidenceResolvers, postResolvers, ruleResolvers, municipalityResolvers],
    inheritResolversFromInterfaces: true,
  });
}
