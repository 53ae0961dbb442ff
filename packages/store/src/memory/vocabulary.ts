import { boundedDistance } from './edit-distance.ts';

/** A two-letter run as one number: no string is made to look one up. */
const pairKey = (word: string, at: number) => word.charCodeAt(at) * 0x10000 + word.charCodeAt(at + 1);

/**
 * The distinct words of every name, sorted, and the three ways a search
 * expands one word of a query to them: the words it starts (a range of the
 * sorted list), the words within a few edits of it (those holding enough of
 * its two-letter runs, counted from the runs' lists, then measured; or, when
 * the edits allowed are too many for the runs to tell, a walk of the sorted
 * list as a trie), and the words holding it (by the rarest of its
 * three-letter runs). Each costs what it finds plus a logarithm, the lists of
 * its runs, or the trie nodes within reach, never a pass over every word.
 */
export class Vocabulary {
  /** Code-unit order, the order `<` gives. */
  readonly words: readonly string[];
  private readonly index = new Map<string, number>();
  /** Words holding each three-letter run, by place in `words`. */
  private readonly trigrams = new Map<string, Int32Array>();
  /** Words holding each two-letter run (`pairKey`), by place in `words`, each once. */
  private readonly pairs = new Map<number, Int32Array>();
  /** Per word, the count `forEachNear` is making; back to zeros after every call. */
  private readonly shared: Int32Array;

  constructor(distinct: Iterable<string>) {
    this.words = [...new Set(distinct)].sort();
    this.words.forEach((word, i) => this.index.set(word, i));
    const runs = new Map<string, number[]>();
    this.words.forEach((word, i) => {
      for (let at = 0; at + 3 <= word.length; at++) {
        const run = word.slice(at, at + 3);
        const list = runs.get(run);
        if (!list) runs.set(run, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    for (const [run, list] of runs) this.trigrams.set(run, Int32Array.from(list));
    const pairs = new Map<number, number[]>();
    this.words.forEach((word, i) => {
      for (let at = 0; at + 2 <= word.length; at++) {
        const key = pairKey(word, at);
        const list = pairs.get(key);
        if (!list) pairs.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    for (const [key, list] of pairs) this.pairs.set(key, Int32Array.from(list));
    this.shared = new Int32Array(this.words.length);
  }

  get size(): number {
    return this.words.length;
  }

  indexOf(word: string): number | undefined {
    return this.index.get(word);
  }

  /** The places of the words starting with `prefix` (the word itself included): [from, to). */
  prefixRange(prefix: string): [number, number] {
    return [this.firstAtLeast(prefix), this.firstAtLeast(prefix + '\uffff')];
  }

  /** Calls `visit` with each word holding `part`, by place. */
  forEachHolding(part: string, visit: (place: number) => void): void {
    if (part.length < 3) {
      // No run to look up: the short parts of a query of several words ("ab c") are rare enough to read every word for.
      this.words.forEach((word, i) => {
        if (word.includes(part)) visit(i);
      });
      return;
    }
    let rarest: Int32Array | undefined;
    for (let at = 0; at + 3 <= part.length; at++) {
      const list = this.trigrams.get(part.slice(at, at + 3));
      if (!list) return;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    for (const place of rarest!) if (this.words[place]!.includes(part)) visit(place);
  }

  /**
   * Calls `visit` with each word within `maxDistance` edits (Levenshtein) of
   * `word`, and its distance, by place. One edit spoils at most two of the
   * word's two-letter runs, so a word within reach holds at least `runs - 2 ×
   * maxDistance` of them: the words are counted from the runs' lists, and only
   * those with enough runs and a length within reach get an edit distance
   * worked out. When that bound says nothing (short words, many edits), the
   * sorted words are walked as a trie instead (`walkNear`).
   */
  forEachNear(word: string, maxDistance: number, visit: (place: number, distance: number) => void): void {
    const needed = word.length - 1 - 2 * maxDistance;
    if (needed <= 0) {
      this.walkNear(word, maxDistance, visit);
      return;
    }
    const { shared, words } = this;
    const counted: number[] = [];
    // Each run of the query counts once per place it stands at, so a run the query holds twice counts twice, as the bound needs.
    for (let at = 0; at + 2 <= word.length; at++) {
      const list = this.pairs.get(pairKey(word, at));
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const place = list[i]!;
        const count = shared[place]!;
        shared[place] = count + 1;
        if (count === 0) counted.push(place);
      }
    }
    const near: number[] = [];
    for (const place of counted) {
      if (shared[place]! >= needed && Math.abs(words[place]!.length - word.length) <= maxDistance) near.push(place);
      shared[place] = 0;
    }
    near.sort((a, b) => a - b);
    for (const place of near) {
      const distance = boundedDistance(word, words[place]!, maxDistance);
      if (distance <= maxDistance) visit(place, distance);
    }
  }

  /**
   * `forEachNear` by a walk of the sorted words as a trie: the table row of a
   * prefix is computed once for every word that starts with it, and once a
   * row's least value passes `maxDistance`, every word with that prefix is
   * skipped. Only the band of each row within `maxDistance` of its diagonal
   * is worked out (a cell further off is more edits away than that, so one
   * cell each side holding `maxDistance + 1` stands for all of them), and
   * nothing is allocated per word.
   */
  private walkNear(word: string, maxDistance: number, visit: (place: number, distance: number) => void): void {
    const width = word.length + 1;
    const beyond = maxDistance + 1;
    const codes = new Int32Array(word.length);
    for (let j = 0; j < word.length; j++) codes[j] = word.charCodeAt(j);
    // rows[d] is the row after d letters of the current word; rows[0] is the empty prefix.
    const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, j) => j)];
    let previous = '';
    let place = 0;
    const words = this.words;
    while (place < words.length) {
      const current = words[place]!;
      let shared = 0;
      const limit = Math.min(previous.length, current.length, rows.length - 1);
      while (shared < limit && previous.charCodeAt(shared) === current.charCodeAt(shared)) shared++;
      let pruned = -1;
      for (let depth = shared + 1; depth <= current.length; depth++) {
        const above = rows[depth - 1]!;
        const row = (rows[depth] ??= new Int32Array(width));
        const letter = current.charCodeAt(depth - 1);
        const from = Math.max(1, depth - maxDistance);
        const to = Math.min(width - 1, depth + maxDistance);
        // The cells just outside the band, read by this row and the next, stand for "too far".
        row[from - 1] = from === 1 ? depth : beyond;
        if (to + 1 < width) row[to + 1] = beyond;
        let least = row[from - 1]!;
        for (let j = from; j <= to; j++) {
          const cost = codes[j - 1] === letter ? 0 : 1;
          const value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
          row[j] = value;
          if (value < least) least = value;
        }
        if (least > maxDistance) {
          pruned = depth;
          break;
        }
      }
      if (pruned !== -1) {
        // No word starting with these letters comes within reach: go past all of them.
        previous = current;
        place = this.pastPrefix(place, current, pruned);
        continue;
      }
      // A word whose length is further from the query's than the edits allowed ends outside the band.
      if (Math.abs(current.length - word.length) <= maxDistance) {
        const distance = rows[current.length]![width - 1]!;
        if (distance <= maxDistance) visit(place, distance);
      }
      previous = current;
      place++;
    }
  }

  /** The first place after `place` whose word does not start with the first `length` letters of `word` (the word at `place`): a gallop, then a binary search, comparing letters in place. */
  private pastPrefix(place: number, word: string, length: number): number {
    const words = this.words;
    const shares = (at: number) => {
      const other = words[at]!;
      if (other.length < length) return false;
      for (let i = 0; i < length; i++) if (other.charCodeAt(i) !== word.charCodeAt(i)) return false;
      return true;
    };
    // Gallop: the stretch with this prefix is usually short.
    let low = place + 1;
    let step = 1;
    while (low < words.length && shares(low)) {
      low += step;
      step *= 2;
    }
    let high = Math.min(low, words.length);
    low = Math.max(place + 1, low - (step >> 1));
    // Now words[low - 1] shares the prefix (or is `place`), and words[high] does not (or is the end).
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (shares(middle)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private firstAtLeast(key: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.words[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
