import type { ProvisionRef } from '../../api/types.ts';
import { useView } from '../../state/store.ts';

const TEXT_KIND = {
  sv: { VERBATIM: 'Ordagrant', PARAPHRASE: 'Med våra ord', TITLE: 'Endast rubriken' },
  en: { VERBATIM: 'Verbatim (Swedish)', PARAPHRASE: 'Paraphrased (Swedish)', TITLE: 'Title only' },
} as const;

/** A provision as it stands in its source: where it stands, then its Swedish words. */
export function ProvisionQuote({ provision }: { provision: ProvisionRef }) {
  const lang = useView((s) => s.lang);
  return (
    <figure className="provision" data-provision-id={provision.id}>
      <figcaption>
        <span className="provision-where">
          {provision.document.name}
          {provision.reference ? ` · ${provision.reference}` : ''} · {provision.section}
        </span>
        <span className={`provision-kind provision-kind-${provision.textKind.toLowerCase()}`}>{TEXT_KIND[lang][provision.textKind]}</span>
      </figcaption>
      <blockquote lang="sv">{provision.text}</blockquote>
    </figure>
  );
}

export function Sources({ sources }: { sources: readonly string[] }) {
  if (sources.length === 0) return null;
  return (
    <ul className="source-list">
      {sources.map((url) => (
        <li key={url}>
          <a href={url} target="_blank" rel="noreferrer noopener">
            {url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
          </a>
        </li>
      ))}
    </ul>
  );
}
