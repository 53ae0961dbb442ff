import { readdirSync, readFileSync } from 'node:fs';

/** For tests: the API's SDL, read from the server's schema files, so the web app's mirrors and stylesheet are checked against the real enums. */
const schemaDir = new URL('../../../server/src/schema/', import.meta.url);

export const SDL = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(new URL(f, schemaDir), 'utf8'))
  .join('\n');

export function sdlEnum(name: string): string[] {
  const match = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(SDL);
  if (!match) throw new Error(`enum ${name} is not in the SDL`);
  return match[1]!
    .split('\n')
    .map((line) => line.replace(/"[^"]*"/g, '').trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}
