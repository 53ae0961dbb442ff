#!/usr/bin/env node
// The `styrgraf` command: the TypeScript sources run through tsx, as every script of the repo does.
import { register } from 'tsx/esm/api';

register();
await import('../src/run.ts');
