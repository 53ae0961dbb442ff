/** Two rows of the edit-distance table, kept between calls (grown when a longer word comes): a distance allocates nothing. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** The edit distance (Levenshtein) between two words when at most `most`, else Infinity; works out only the band of each row within `most` of its diagonal, and gives up as soon as a row passes `most`. */
export function boundedDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return Infinity;
  if (rowA.length <= b.length + 1) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
  }
  let row = rowA;
  let next = rowB;
  const beyond = most + 1;
  for (let j = 0; j <= b.length; j++) row[j] = j <= most ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - most);
    const to = Math.min(b.length, i + most);
    // The cells just outside the band stand for every cell beyond it: more than `most` edits.
    next[from - 1] = from === 1 ? i : beyond;
    if (to < b.length) next[to + 1] = beyond;
    let least = next[from - 1]!;
    const letter = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const value = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (letter === b.charCodeAt(j - 1) ? 0 : 1));
      next[j] = value;
      if (value < least) least = value;
    }
    if (least > most) return Infinity;
    const swap = row;
    row = next;
    next = swap;
  }
  return row[b.length]! <= most ? row[b.length]! : Infinity;
}
