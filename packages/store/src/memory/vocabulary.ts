/**
 * The distinct words of every name, sorted, and the three ways a search
 * expands one word of a query to them: the words it starts (a range of the
 * sorted list), the words within a few edits of it (a walk of the sorted list
 * as a trie, each row of the edit-distance table shared by the words with
 * that prefix and whole stretches skipped once no word there can come close
 * enough), and the words holding it (by the rarest of its three-letter runs).
 * Each costs what it finds plus a logarithm, or the trie nodes within reach,
 * never a pass over every word.
 */
export class Vocabulary {
  /** Code-unit order, the order `<` gives. */
  readonly words: readonly string[];
  private readonly index = new Map<string, number>();
  /** Words holding each three-letter run, by place in `words`. */
  private readonly trigrams = new Map<string, Int32Array>();

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
   * `word`, and its distance. The sorted words are walked as a trie: the
   * table row of a prefix is computed once for every word that starts with
   * it, and once a row's least value passes `maxDistance`, every word with
   * that prefix is skipped.
   */
  forEachNear(word: string, maxDistance: number, visit: (place: number, distance: number) => void): void {
    const width = word.length + 1;
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
        row[0] = depth;
        let least = depth;
        for (let j = 1; j < width; j++) {
          const cost = word.charCodeAt(j - 1) === letter ? 0 : 1;
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
        previous = current.slice(0, pruned);
        place = this.firstAtLeast(current.slice(0, pruned) + '\uffff');
        continue;
      }
      const distance = rows[current.length]![width - 1]!;
      if (distance <= maxDistance) visit(place, distance);
      previous = current;
      place++;
    }
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
