import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../scripts/node-flags.mjs';

describe('the V8 settings of the production server', () => {
  it('are the ones `pnpm start` runs the built server with', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    const run = manifest.scripts.start.split('&&').map((step) => step.trim().split(/\s+/));
    const node = run.find((words) => words.at(-1) === 'dist/main.js');
    expect(node).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/main.js']);
  });

  it('give the young generation 64 MB a semi-space', () => {
    expect(SERVER_NODE_FLAGS).toEqual(['--max-semi-space-size=64']);
  });
});
