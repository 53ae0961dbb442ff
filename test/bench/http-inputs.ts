/**
 * What `pnpm bench` asks over HTTP, drawn from the data set with a fixed
 * seed rather than written down: the entity queries go half to hubs (the
 * actors with the most relations, whose answers are the largest) and half to
 * leaves (as few relations as the set has), and the search texts are whole
 * names, single words, typos and prefixes of the names in the set, as people
 * type them. The same seed gives the same inputs on every run.
 */
import { isActorKind, todayInSweden, type Dataset, type Entity } from '@styrgraf/model';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface HttpInputs {
  /** Actor ids, hubs and leaves alternating. */
  actors: string[];
  /** Search texts: whole name, word, typo, prefix, in turn. */
  texts: string[];
  /** How the actors were drawn, for the printed note. */
  hubs: number;
  leaves: number;
}

/**
 * Two neighbouring letters of a word swapped, as a fast typist does
 * ("Kommunstyrelsen" → "Kommnustyrelsen"): the first pair after the second
 * letter that differs, so that a doubled letter ("mm") never gives the word
 * back unchanged. Null for a word under five letters, or one with no such
 * pair: no typo of it would be a typo.
 */
export function typo(word: string): string | null {
  if (word.length < 5) return null;
  const letters = [...word];
  for (let i = 2; i + 1 < letters.length; i++) {
    if (letters[i]!.toLowerCase() === letters[i + 1]!.toLowerCase()) continue;
    [letters[i], letters[i + 1]] = [letters[i + 1]!, letters[i]!];
    return letters.join('');
  }
  return null;
}

export function drawHttpInputs(dataset: Dataset, seed: number, count = 40): HttpInputs {
  const rng = xoroshiro128plus(seed);
  const pick = <T>(list: readonly T[]): T => list[uniformInt(rng, 0, list.length - 1)]!;
  const degree = new Map<string, number>();
  for (const r of dataset.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  // Actors in force today: the queries ask about today's graph, and a neighbourhood of an actor that is not is an error.
  const today = todayInSweden();
  const actors = dataset.entities.filter((e) => isActorKind(e.kind) && (!e.validFrom || e.validFrom <= today) && (!e.validTo || e.validTo >= today));
  if (actors.length === 0) throw new Error(`the data set ${dataset.meta.id} has no actors to ask about`);
  const byDegree = [...actors].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  // Hubs: the top 2 % by relations (at least five); leaves: the bottom half.
  const hubs = byDegree.slice(0, Math.max(5, Math.ceil(byDegree.length / 50)));
  const leaves = byDegree.slice(Math.floor(byDegree.length / 2));
  const drawn: string[] = [];
  for (let i = 0; i < count; i++) drawn.push(pick(i % 2 === 0 ? hubs : leaves).id);

  const texts: string[] = [];
  while (texts.length < count) {
    const e: Entity = pick(actors);
    const name = e.name.sv;
    // Words as a person would pick them out of "Valnämnden (Syntetiska 137)": letters, not the brackets or the number.
    const words = name.split(/[^\p{L}-]+/u).filter((w) => w.length > 2);
    const word = words.length > 0 ? pick(words) : name;
    // Whole name, word, typo, prefix in turn; a word no typo can be made of (short, or all one letter) sends the draw to another entity.
    const asTyped = [name, word, typo(word), word.slice(0, Math.max(3, Math.ceil(word.length / 2)))][texts.length % 4];
    if (asTyped) texts.push(asTyped.slice(0, 200));
  }
  return { actors: drawn, texts, hubs: hubs.length, leaves: leaves.length };
}
