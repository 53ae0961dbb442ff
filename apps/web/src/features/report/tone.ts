/** The three tones of a status in the report views (report.css): done, partly or to watch, and missing or failed. */
export type Tone = 'good' | 'caution' | 'bad';
