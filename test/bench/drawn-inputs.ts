/**
 * The inputs of the bench's sections beyond the HTTP one (the heavy mix, the
 * Neo4j column): drawn from the data set by the HTTP section's own drawing
 * (http-inputs.ts) with the run's seed, so that every section asks the same
 * hubs and leaves, whole names, words, typos and prefixes, and none can be
 * tuned to easy inputs. What was drawn is printed in full, sorted into those
 * classes, so a reader of the output sees what the figures were measured on.
 */
import type { Dataset } from '@styrgraf/model';
import { drawHttpInputs, type HttpInputs } from './http-inputs.ts';

/** The classes drawHttpInputs draws in turn: actors hub, leaf; texts name, word, typo, prefix. */
const ACTOR_CLASSES = ['hubs', 'leaves'] as const;
const TEXT_CLASSES = ['names', 'words', 'typos', 'prefixes'] as const;

export interface DrawnClasses {
  hubs: string[];
  leaves: string[];
  names: string[];
  words: string[];
  typos: string[];
  prefixes: string[];
}

/** Each drawn input under its class, once, in the order drawn. */
export function classify(inputs: HttpInputs): DrawnClasses {
  const classes: DrawnClasses = { hubs: [], leaves: [], names: [], words: [], typos: [], prefixes: [] };
  const add = (list: string[], value: string) => {
    if (!list.includes(value)) list.push(value);
  };
  inputs.actors.forEach((id, i) => add(classes[ACTOR_CLASSES[i % ACTOR_CLASSES.length]!], id));
  inputs.texts.forEach((text, i) => add(classes[TEXT_CLASSES[i % TEXT_CLASSES.length]!], text));
  return classes;
}

/** One line per class: "hubs (3 of 12): kommunstyrelsen, …". */
export function describeDrawn(inputs: HttpInputs): string[] {
  const classes = classify(inputs);
  const pool: Partial<Record<keyof DrawnClasses, number>> = { hubs: inputs.hubs, leaves: inputs.leaves };
  return [...ACTOR_CLASSES, ...TEXT_CLASSES].map((name) => {
    const values = classes[name];
    const from = pool[name] === undefined ? '' : ` of ${pool[name]}`;
    const shown = ACTOR_CLASSES.includes(name as (typeof ACTOR_CLASSES)[number]) ? values : values.map((v) => JSON.stringify(v));
    return `${name} (${values.length}${from}): ${shown.join(', ')}`;
  });
}

/** The run's inputs for `key`'s data set, drawn with `seed` and printed through `log`. */
export function drawBenchInputs(key: string, dataset: Dataset, seed: number, log: (message: string) => void): HttpInputs {
  const inputs = drawHttpInputs(dataset, seed);
  log(`${key}: inputs drawn from the data (seed ${seed}), as the HTTP section draws them:`);
  for (const line of describeDrawn(inputs)) log(`${key}:   ${line}`);
  return inputs;
}
