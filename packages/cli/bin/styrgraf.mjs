#!/usr/bin/env node
// The `styrgraf` command: built JavaScript, no TypeScript loader. The command line is bundled with the server
// (apps/server/dist/styrgraf.js) and rebuilt first only when a source changed since the last build, silently, so
// that what the command prints (--json included) is all that reaches stdout.
import { buildIfStale } from '../../../apps/server/scripts/build-if-stale.mjs';

await buildIfStale({ quiet: true });
// Named by a URL, not a literal, so the typecheck reads the sources rather than the bundle built from them.
await import(new URL('../../../apps/server/dist/styrgraf.js', import.meta.url).href);
