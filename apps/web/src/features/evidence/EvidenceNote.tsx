import type { Evidence } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { evidenceKey } from './evidence.ts';
import { EvidenceIcon } from './EvidenceIcon.tsx';
import './evidence.css';

/**
 * How a fact is known, in the detail panel's words: what a provision says (the
 * API's wording, "Enligt kommundirektörens instruktion", with the quote), a
 * reading ("Tolkning", with the reading written down), a text that can be read
 * more than one way ("Oklart", with every reading) or another source (with its
 * confidence and the year it was last shown true). A reading is never served
 * as what the text says.
 */
export function EvidenceNote({ evidence: e }: { evidence: Evidence }) {
  const t = useT();
  const key = evidenceKey(e);
  const source = e.quotedFrom ? [e.quotedFrom.name, e.quotedFrom.reference].filter(Boolean).join(', ') : null;
  const quote = e.quote && (
    <figure className="evidence-quote">
      <blockquote lang="sv">”{e.quote}”</blockquote>
      {source && (
        <figcaption>
          {t('evidenceFrom', { source })}
          {e.quoteVerbatim === false && <> ({t('evidenceSummaryOfLaw')})</>}
        </figcaption>
      )}
    </figure>
  );
  return (
    <div className={`evidence evidence-${key.toLowerCase()}`} data-evidence={key} data-testid="evidence">
      <p className="evidence-wording">
        <EvidenceIcon evidence={key} />
        <strong>{e.wording}</strong>
      </p>
      {e.status === 'STATED' && quote}
      {e.status === 'INTERPRETED' && (
        <>
          {e.note && (
            <p className="evidence-reading">
              <span className="evidence-label">{t('evidenceReading')}:</span> {e.note}
            </p>
          )}
          {e.quote && <p className="evidence-label">{t('evidenceRestsOn')}:</p>}
          {quote}
        </>
      )}
      {e.status === 'CONTESTED' && (
        <>
          {e.quote && <p className="evidence-label">{t('evidenceText')}:</p>}
          {quote}
          <p className="evidence-label">{t('evidenceReadings', { n: e.readings.length })}</p>
          <ol className="evidence-readings">
            {e.readings.map((reading, i) => (
              <li key={i}>
                <span className="evidence-label">{t('evidenceReadingN', { n: i + 1 })}:</span> {reading}
              </li>
            ))}
          </ol>
          {e.note && <p className="evidence-reading">{e.note}</p>}
        </>
      )}
      {e.status === 'SOURCED' && (
        <>
          {e.note && <p className="evidence-reading">{e.note}</p>}
          {e.attested && <p className="evidence-attested">{t('evidenceAttested', { when: e.attested })}</p>}
        </>
      )}
    </div>
  );
}
