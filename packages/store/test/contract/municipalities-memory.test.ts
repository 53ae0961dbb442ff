import { createMemoryStore } from '../../src/index.ts';
import { describeMunicipalityContract, syntheticCountry } from './municipalities.ts';

describeMunicipalityContract('memory', async () => createMemoryStore(syntheticCountry()));
