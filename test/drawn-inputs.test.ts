import { generateSynthetic, loadDatasetOrThrow, parseDataset, syntheticFiles, type Dataset } from '@styrgraf/model';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify, drawBenchInputs } from './bench/drawn-inputs.ts';
import { drawHttpInputs, typo } from './bench/http-inputs.ts';

/**
 * The heavy mix and the Neo4j column of `pnpm bench` ask what the HTTP section
 * asks: inputs drawn from the data with the run's seed, printed by class, so
 * that no section can be tuned to a few easy hubs and words again.
 */
let dataset: Dataset;
/** A few generated municipalities: words the synthetic names share, as the national set's. */
let national: Dataset;
beforeAll(async () => {
  dataset = await loadDatasetOrThrow(fileURLToPath(new URL('../graph', import.meta.url)));
  const generated = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 12, seed: 7 })));
  if (!generated.ok) throw new Error(`the generated set does not load: ${JSON.stringify(generated.issues[0])}`);
  national = generated.dataset;
});

describe("the bench's drawn inputs", () => {
  it('are the HTTP section’s own drawing for the seed, and are printed class by class', () => {
    const lines: string[] = [];
    const inputs = drawBenchInputs('norrköping', dataset, 7, (line) => lines.push(line));
    expect(inputs).toEqual(drawHttpInputs(dataset, 7));
    expect(lines[0]).toBe('norrköping: inputs drawn from the data (seed 7), as the HTTP section draws them:');
    expect(lines.slice(1).map((line) => line.replace(/^norrköping: {3}(\w+) .*$/, '$1'))).toEqual(['hubs', 'leaves', 'names', 'words', 'typos', 'prefixes']);
    // Every id drawn and every text typed is on the record.
    for (const id of inputs.actors) expect(lines.join('\n')).toContain(id);
    for (const text of inputs.texts) expect(lines.join('\n')).toContain(JSON.stringify(text));
  });

  it('sorts hubs from leaves: on Norrköping the hubs are the bodies with the most relations', () => {
    const degree = new Map<string, number>();
    for (const r of dataset.relations) for (const end of [r.from, r.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const { hubs, leaves, words, typos } = classify(drawHttpInputs(dataset, 7));
    expect(hubs).toEqual(expect.arrayContaining(['kommunstyrelsen', 'kommundirektor', 'kommunfullmaktige']));
    expect(leaves.length).toBeGreaterThan(hubs.length);
    const fewestOfHubs = Math.min(...hubs.map((id) => degree.get(id) ?? 0));
    for (const id of leaves) expect(degree.get(id) ?? 0).toBeLessThan(fewestOfHubs);
    // The words are taken from the names in the data; the typos are such words with two letters swapped.
    const names = dataset.entities.map((e) => e.name.sv).join(' ');
    for (const word of words) expect(names).toContain(word);
    for (const typed of typos) expect(dataset.entities.some((e) => e.name.sv.split(/[^\p{L}-]+/u).some((w) => typo(w) === typed))).toBe(true);
  });

  it('types every typo wrong: none is the word it came from, whatever its letters (a doubled letter, a short word)', () => {
    for (const word of ['Kommunstyrelsen', 'dotterbolag', 'Norrköping', 'Kommunrevisionen', 'nämnd', 'för', 'aaaaaa']) {
      const typed = typo(word);
      if (typed !== null) expect(typed.toLowerCase()).not.toBe(word.toLowerCase());
    }
    expect(typo('för')).toBeNull();
    expect(typo('aaaaaa')).toBeNull();
    for (const key of ['norrköping', 'national'] as const) {
      const set = key === 'norrköping' ? dataset : national;
      const words = new Set(set.entities.flatMap((e) => e.name.sv.toLowerCase().split(/[^\p{L}-]+/u)));
      const { typos } = classify(drawHttpInputs(set, 7));
      expect(typos.length, key).toBeGreaterThan(0);
      for (const typed of typos) expect(words.has(typed.toLowerCase()), `${key}: "${typed}" is a word of the data, not a typo`).toBe(false);
    }
  });

  it('lists an input drawn twice once, under the class it was drawn for', () => {
    const classes = classify({
      actors: ['a', 'b', 'a', 'c', 'd', 'b'],
      texts: ['Kommunstyrelsen', 'kommun', 'kmomun', 'kom', 'Kommunstyrelsen'],
      hubs: 2,
      leaves: 3,
    });
    expect(classes).toEqual({ hubs: ['a', 'd'], leaves: ['b', 'c'], names: ['Kommunstyrelsen'], words: ['kommun'], typos: ['kmomun'], prefixes: ['kom'] });
  });
});
