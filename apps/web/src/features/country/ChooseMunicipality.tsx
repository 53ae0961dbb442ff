import { useApiLang, useT } from '../../i18n/use-t.ts';
import { openMunicipality } from '../../state/actions.ts';
import { useMunicipalities } from './municipalities-api.ts';

/**
 * What the municipal views (org chart, decision matrix, Kontroller, handout)
 * show on a data set of many municipalities before one is chosen: each is
 * one municipality's organisation, so the country's would be hundreds of
 * charts in one (or a question the API refuses as too large). A list of
 * links, each opening the view for that municipality.
 */
export function ChooseMunicipality() {
  const t = useT();
  const lang = useApiLang();
  const municipalities = useMunicipalities(lang);
  return (
    <section className="choose-municipality" data-testid="choose-municipality" aria-labelledby="choose-municipality-title">
      <h2 id="choose-municipality-title">{t('countryPick')}</h2>
      <p className="muted">{t('countryChooseLead')}</p>
      <ul>
        {(municipalities.data ?? []).map((m) => (
          <li key={m.id}>
            <a
              href={`?kommun=${encodeURIComponent(m.id)}`}
              onClick={(event) => {
                event.preventDefault();
                openMunicipality(m.id);
              }}
            >
              {m.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
