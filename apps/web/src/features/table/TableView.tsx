import { useEffect, useMemo, useState } from 'react';
import { fileSlug, useAbout } from '../../api/about.ts';
import type { Subgraph } from '../../api/types.ts';
import { useVocabulary } from '../../api/vocabulary.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { selectEntity } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { useGraphData } from '../graph-canvas/use-graph-data.ts';
import { graphScopeOf } from '../graph-canvas/graph-scope.ts';
import { useCountryScope } from '../country/municipalities-api.ts';
import { visibleSubgraph } from '../graph-canvas/visible.ts';
import { FamilyLine, KindIcon } from '../legend/KindIcon.tsx';
import { ErrorNotice, Loading } from '../status/ErrorNotice.tsx';
import { todayInSweden } from '@styrgraf/text/dates';
import { OpenDataMenu } from '../open-data/OpenDataMenu.tsx';
import { EvidenceIcon } from '../evidence/EvidenceIcon.tsx';
import { evidenceKey } from '../evidence/evidence.ts';
import {
  ACTOR_COLUMNS,
  filterAndSort,
  provisionText,
  relationColumns,
  toCsv,
  type Column,
  type Sort,
  type TableActor,
  type TableEvidence,
  type TableProvision,
  type TableRelation,
} from './columns.ts';
import './table.css';

const PAGE = 200;

interface RichSubgraph {
  nodes: (Subgraph['nodes'][number] & { kindLabel?: string })[];
  edges: (Omit<Subgraph['edges'][number], 'evidence'> & {
    sentence?: string;
    provisions?: TableProvision[];
    validFrom?: string | null;
    validTo?: string | null;
    evidence: TableEvidence;
  })[];
}

/**
 * The graph as two tables, actors and relations: the same subgraph as the
 * canvas (date, filters, focus, hidden and lonely entities alike), sortable,
 * filterable and downloadable as CSV. A name opens the entity, selected here
 * and on the canvas alike. It is the way through the whole graph for a screen
 * reader, complete on its own.
 */
export function TableView() {
  const t = useT();
  const lang = useApiLang();
  const state = useView((s) => s);
  const vocabulary = useVocabulary(lang);
  const about = useAbout(lang);
  const country = useCountryScope(lang);
  const graph = useGraphData(graphScopeOf(state, country, lang), { rich: true });
  const selectedId = state.selected?.type === 'entity' ? state.selected.id : null;
  const keep = useMemo(() => [state.focus, selectedId].filter((id): id is string => !!id), [state.focus, selectedId]);
  const shown = useMemo(
    () => (graph.subgraph ? visibleSubgraph(graph.subgraph, { hidden: state.hidden, pinned: state.pinned, lonely: state.lonely, keep }).subgraph : null),
    [graph.subgraph, state.hidden, state.pinned, state.lonely, keep],
  ) as unknown as RichSubgraph | null;

  const families = vocabulary.data?.families;
  const columns = useMemo(() => relationColumns({ reading: (n) => t('evidenceReadingN', { n }), attested: (when) => t('evidenceAttested', { when }) }), [t]);
  const rows = useMemo(() => {
    if (!shown) return null;
    const names = new Map(shown.nodes.map((n) => [n.id, n.name]));
    const count = new Map<string, number>();
    for (const e of shown.edges) for (const id of [e.from.id, e.to.id]) count.set(id, (count.get(id) ?? 0) + 1);
    const familyLabel = (f: string) => families?.find((x) => x.family === f)?.label ?? f;
    const kindOrder = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];
    const byKindThenName = (a: TableActor, b: TableActor) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.name.localeCompare(b.name, 'sv');
    const actors: TableActor[] = shown.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      kindLabel: n.kindLabel ?? n.kind,
      name: n.name,
      nameEn: n.nameEn,
      subtype: n.subtype,
      validFrom: n.validFrom,
      validTo: n.validTo,
      relationCount: count.get(n.id) ?? 0,
    }));
    // Unsorted, the actors read as the organisation does: political bodies first, decision areas last.
    actors.sort(byKindThenName);
    const relations: TableRelation[] = shown.edges.map((e) => ({
      id: e.id,
      kind: e.kind,
      family: e.family,
      familyLabel: familyLabel(e.family),
      label: e.label,
      from: { id: e.from.id, name: names.get(e.from.id) ?? e.from.id },
      to: { id: e.to.id, name: names.get(e.to.id) ?? e.to.id },
      sentence: e.sentence ?? '',
      validFrom: e.validFrom ?? null,
      validTo: e.validTo ?? null,
      provisions: e.provisions ?? [],
      evidence: e.evidence,
    }));
    return { actors, relations };
  }, [shown, families]);

  const slug = `${fileSlug(about.data?.datasetId)}-${state.date ?? todayInSweden()}`;
  return (
    <section className="table-view" aria-labelledby="table-title" data-testid="table-view">
      <header className="view-header">
        <div>
          <h2 id="table-title">{t('tableHeading')}</h2>
          <p className="muted small">{t('tableIntro')}</p>
        </div>
        <OpenDataMenu testId="table-open-data" />
      </header>
      {graph.error ? <ErrorNotice error={graph.error} onRetry={graph.refetch} /> : !rows && <Loading label={t('loading')} />}
      {rows && (
        <div className="table-scroll">
          <DataTable
            id="actors"
            caption={t('tableActors', { n: rows.actors.length })}
            columns={ACTOR_COLUMNS}
            rows={rows.actors}
            csvName={`styrgraf-aktorer-${slug}.csv`}
            selectedId={selectedId}
            renderCell={(column, a) =>
              column.key === 'name' ? <EntityButton id={a.id} name={a.name} kind={a.kind} selected={selectedId === a.id} /> : column.text(a)
            }
            rowId={(a) => a.id}
          />
          <DataTable
            id="relations"
            caption={t('tableRelations', { n: rows.relations.length })}
            columns={columns}
            rows={rows.relations}
            csvName={`styrgraf-relationer-${slug}.csv`}
            selectedId={selectedId}
            renderCell={(column, r) => {
              if (column.key === 'from') return <EntityButton id={r.from.id} name={r.from.name} selected={selectedId === r.from.id} />;
              if (column.key === 'to') return <EntityButton id={r.to.id} name={r.to.name} selected={selectedId === r.to.id} />;
              if (column.key === 'family')
                return (
                  <>
                    <FamilyLine family={r.family} width={22} /> {r.familyLabel}
                  </>
                );
              if (column.key === 'evidence')
                return (
                  <span className="table-evidence" data-evidence={evidenceKey(r.evidence)}>
                    <EvidenceIcon evidence={evidenceKey(r.evidence)} /> {column.text(r)}
                  </span>
                );
              if (column.key === 'provisions')
                return r.provisions.length > 0 ? (
                  <ul className="table-provisions">
                    {r.provisions.map((p) => (
                      <li key={p.id} title={p.section}>
                        {provisionText(p)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '–'
                );
              return column.text(r);
            }}
            rowId={(r) => r.id}
            rowEntities={(r) => [r.from.id, r.to.id]}
          />
        </div>
      )}
    </section>
  );
}

function EntityButton({ id, name, kind, selected }: { id: string; name: string; kind?: string; selected: boolean }) {
  const t = useT();
  return (
    <button
      type="button"
      className="link-button table-entity"
      onClick={() => selectEntity(id, { focusPanel: true })}
      aria-current={selected ? 'true' : undefined}
      data-entity-id={id}
    >
      {kind && <KindIcon kind={kind} size={14} />}
      <span lang="sv">{name}</span>
      {selected && <span className="visually-hidden"> ({t('tableSelected')})</span>}
    </button>
  );
}

function DataTable<Row>({
  id,
  caption,
  columns,
  rows,
  csvName,
  selectedId,
  renderCell,
  rowId,
  rowEntities,
}: {
  id: string;
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  csvName: string;
  selectedId: string | null;
  renderCell: (column: Column<Row>, row: Row) => React.ReactNode;
  rowId: (row: Row) => string;
  rowEntities?: (row: Row) => string[];
}) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => filterAndSort(rows, columns, filter, sort), [rows, columns, filter, sort]);
  const isSelected = (row: Row) => !!selectedId && (rowEntities ? rowEntities(row).includes(selectedId) : rowId(row) === selectedId);
  // The selection made on the canvas is brought into sight here too.
  useEffect(() => {
    if (!selectedId) return;
    document.querySelector(`#table-${id} tr[data-selected="true"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, id]);
  const download = () => {
    const blob = new Blob([toCsv(columns, shown, t)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = csvName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="data-table" aria-labelledby={`table-${id}-caption`} data-testid={`table-${id}`}>
      <div className="data-table-tools">
        <h3 id={`table-${id}-caption`}>{caption}</h3>
        <label className="table-filter">
          <span className="visually-hidden">
            {t('tableFilter')}: {caption}
          </span>
          <input
            type="search"
            value={filter}
            placeholder={t('tableFilterPlaceholder')}
            onChange={(e) => setFilter(e.target.value)}
            data-testid={`table-${id}-filter`}
          />
        </label>
        <button type="button" className="button button-small" onClick={download} data-testid={`table-${id}-csv`}>
          {t('tableCsv')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('tableNoRows', { q: filter })}</p>
      ) : (
        <div className="data-table-scroll">
          <table id={`table-${id}`} aria-labelledby={`table-${id}-caption`}>
            <thead>
              <tr>
                {columns.map((c) => {
                  const sorted = sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined;
                  return (
                    <th key={c.key} scope="col" aria-sort={sorted} className={c.wide ? 'wide' : undefined}>
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => setSort(sort?.key === c.key ? { key: c.key, descending: !sort.descending } : { key: c.key, descending: false })}
                      >
                        {t(c.header)}
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((row) => (
                <tr
                  key={rowId(row)}
                  data-row-id={rowId(row)}
                  data-selected={isSelected(row) ? 'true' : undefined}
                  className={isSelected(row) ? 'is-selected' : undefined}
                >
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.key} scope="row">
                        {renderCell(c, row)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.wide ? 'wide' : undefined}>
                        {renderCell(c, row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > limit && (
        <p className="table-more">
          <span>{t('tableShowing', { shown: Math.min(limit, shown.length), total: shown.length })}</span>{' '}
          <button type="button" className="button button-small" onClick={() => setLimit((l) => l + PAGE)}>
            {t('tableMore', { n: Math.min(PAGE, shown.length - limit) })}
          </button>
        </p>
      )}
    </section>
  );
}
