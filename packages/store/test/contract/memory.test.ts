import { loadDatasetOrThrow } from '@styrgraf/model';
import { fileURLToPath } from 'node:url';
import { createMemoryStore } from '../../src/index.ts';
import { describeStoreContract } from './contract.ts';

const graphDir = fileURLToPath(new URL('../../../../graph', import.meta.url));

describeStoreContract('memory', async () => createMemoryStore(await loadDatasetOrThrow(graphDir)));
