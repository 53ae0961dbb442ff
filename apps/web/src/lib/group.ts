/**
 * Adds `value` to the list kept under `key`, starting the list when there is
 * none: a group-by that appends in place (a spread copy per insert costs time
 * in the square of a group's size). Map.groupBy would do, but the browsers the app supports and its ES2023 library lack it.
 */
export function addTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
