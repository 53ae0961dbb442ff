// One formatter kept: toLocaleDateString with a time zone builds a new Intl.DateTimeFormat on every call (~70 µs, as much as a whole small request).
let stockholmDay: Intl.DateTimeFormat | null = null;

/**
 * Today's date in Sweden, as YYYY-MM-DD (the Swedish locale writes ISO
 * dates): the one "today" of the project, for the model, the server and the
 * web app alike, so that a page and its answers agree on the day at
 * Stockholm's midnight whatever the machine's own time zone.
 */
export function todayInSweden(now: Date = new Date()): string {
  stockholmDay ??= new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
  return stockholmDay.format(now);
}
