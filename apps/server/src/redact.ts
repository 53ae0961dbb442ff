/**
 * What /health and error messages may show the world: no credentials (a
 * NEO4J_URI such as bolt://user:secret@db:7687 loses its user and password)
 * and no machine paths (an absolute path keeps only its last part). The full
 * text goes to the log, once for each new message (logOnce), so that a
 * database that stays away does not flood it.
 */
export function redact(text: string): string {
  return (
    text
      // scheme://user:password@host → scheme://host
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1')
      // /srv/styrgraf/graph/entities → …/entities (an absolute path begins the text, or follows a space, quote, bracket or equals sign)
      .replace(/(?<=^|[\s'"(=[])\/(?:[^\s'"()[\]/]+\/)+([^\s'"()[\]/]*)/g, '…/$1')
  );
}

const logged = new Map<string, string>();

/** Logs `message` under `key` unless it is what was logged under that key last. */
export function logOnce(key: string, message: string, log: (message: string) => void = console.warn): void {
  if (logged.get(key) === message) return;
  logged.set(key, message);
  log(message);
}
