import { skipToken, useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import type { OrgChartEntry } from '../../api/types.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { selectEntity, setCollapsed, setOrgRoot, toggleCollapsed } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { KindIcon } from '../legend/KindIcon.tsx';
import { EntityCombobox } from '../search/EntityCombobox.tsx';
import { ErrorNotice, Loading, QueryStatus } from '../status/ErrorNotice.tsx';
import { useOrgTops } from './roots.ts';
import { branchIds, buildOrgTree, normaliseEntries, type OrgNode } from './tree.ts';
import './org-chart.css';
import { addTo } from '../../lib/group.ts';

/** What the tree below an entity shows of each entry: the chart alone and the chart with its context ask for the same. */
const ORG_CHART_ENTRIES = /* GraphQL */ `
  fragment OrgChartEntries on OrgChart {
    entries {
      entity {
        id
        kind
        name
        nameEn: name(lang: EN)
        ... on Actor {
          subtype
        }
      }
      depth
      parent {
        id
      }
      via {
        id
        kind
        family
        label(lang: $lang)
      }
      childCount
    }
  }
`;

export const ORG_CHART_QUERY = operation(
  'OrgChart',
  /* GraphQL */ `
    query OrgChart($rootId: ID!, $asOf: Date, $lang: Lang) {
      orgChart(rootId: $rootId, asOf: $asOf) {
        ...OrgChartEntries
      }
    }
    ${ORG_CHART_ENTRIES}
  `,
);

/** The chart both ways: the tree below, the chain above and the dotted lines beside (schema/org-context.graphql). */
export const ORG_CONTEXT_QUERY = operation(
  'OrgContext',
  /* GraphQL */ `
    query OrgContext($rootId: ID!, $asOf: Date, $lang: Lang) {
      orgChart(rootId: $rootId, asOf: $asOf) {
        ...OrgChartEntries
        above {
          height
          entity {
            id
            kind
            name
            ... on Actor {
              subtype
            }
          }
          below {
            id
          }
          via {
            id
            label(lang: $lang)
          }
        }
        beside {
          id
          kind
          label(lang: $lang)
          inverseLabel(lang: $lang)
          from {
            id
            kind
            name
          }
          to {
            id
            kind
            name
          }
        }
      }
    }
    ${ORG_CHART_ENTRIES}
  `,
);

interface AboveLink {
  height: number;
  entity: { id: string; kind: string; name: string; subtype?: string | null };
  below: { id: string };
  via: { id: string; label: string };
}
export interface BesideRelation {
  id: string;
  kind: string;
  label: string;
  inverseLabel: string;
  from: { id: string; kind: string; name: string };
  to: { id: string; kind: string; name: string };
}

/**
 * The org chart both ways from any actor: who stands above it (elects,
 * appoints, heads, owns) up to the top, the tree below it, and the dotted
 * lines beside the line of management (the kontor working for a nämnd). The
 * default root and the quick choices come from the data (useOrgTops).
 */
export function OrgChart() {
  const t = useT();
  const lang = useApiLang();
  const chosenRoot = useView((s) => s.orgRoot);
  const date = useView((s) => s.date);
  const collapsed = useView((s) => s.collapsed);
  const selected = useView((s) => s.selected);
  const tops = useOrgTops(date, lang);
  const root = chosenRoot ?? tops.data?.[0]?.id ?? null;
  const chart = useQuery({
    queryKey: ['orgContext', root, date, lang],
    queryFn: root
      ? ({ signal }) =>
          request(ORG_CONTEXT_QUERY, { rootId: root, asOf: date, lang }, signal).then(
            (d): { entries: OrgChartEntry[]; above: AboveLink[]; beside: BesideRelation[] } => ({
              ...d.orgChart,
              entries: normaliseEntries(d.orgChart.entries),
            }),
          )
      : skipToken,
  });
  const tree = chart.data ? buildOrgTree(chart.data.entries) : null;
  const beside = chart.data?.beside ?? [];
  const rootName = tree?.entry.entity.name ?? '';

  return (
    <section className="org-view" aria-labelledby="org-title" data-testid="org-chart">
      <header className="view-header">
        <div>
          <h2 id="org-title">{t('orgHeading')}</h2>
          <div className="root-picker" role="group" aria-label={t('orgRoot')}>
            <span className="toolbar-label">{t('orgRoot')}</span>
            {tops.data?.map((r, i) => (
              <button
                key={r.id}
                type="button"
                className="chip-button"
                aria-pressed={root === r.id}
                onClick={() => setOrgRoot(i === 0 ? null : r.id)}
                data-root={r.id}
              >
                {r.name}
              </button>
            ))}
            <div className="root-search">
              <EntityCombobox
                label={t('orgRoot')}
                hideLabel
                placeholder={t('searchPlaceholder')}
                kinds={['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION']}
                onPick={(e) => setOrgRoot(e.id)}
              />
            </div>
          </div>
        </div>
        {chart.data && (
          <div className="toolbar-group">
            <button type="button" className="button button-quiet" onClick={() => setCollapsed([])}>
              {t('expandAll')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setCollapsed(branchIds(chart.data.entries))}>
              {t('collapseAll')}
            </button>
          </div>
        )}
      </header>
      <div className="org-scroll">
        {!root && <QueryStatus query={tops} />}
        {root && chart.isPending && !chart.error && <Loading label={t('loading')} />}
        {chart.error && <ErrorNotice error={chart.error} onRetry={() => void chart.refetch()} onSuggestion={(s) => setOrgRoot(s.id)} />}
        {tree && chart.data && (
          <>
            <section className="org-above" aria-labelledby="org-above-title" data-testid="org-above">
              <h3 id="org-above-title" className="org-section-title">
                {t('orgAbove')} <span className="muted small">– {t('orgAboveHelp', { name: rootName })}</span>
              </h3>
              {chart.data.above.length === 0 ? (
                <p className="muted small">{t('orgNothingAbove', { name: rootName })}</p>
              ) : (
                <ol className="org-chain">
                  {[...chart.data.above].reverse().map((l) => (
                    <li key={l.entity.id} className="org-chain-step" data-entity-id={l.entity.id} data-height={l.height}>
                      <button type="button" className={`org-chip kind-${l.entity.kind.toLowerCase()}`} onClick={() => setOrgRoot(l.entity.id)}>
                        <KindIcon kind={l.entity.kind} size={16} />
                        <span lang="sv">{l.entity.name}</span>
                      </button>
                      <span className="org-chain-via">
                        ↓ {l.via.label}{' '}
                        {l.below.id === tree.entry.entity.id ? rootName : (chart.data.above.find((a) => a.entity.id === l.below.id)?.entity.name ?? '')}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <h3 className="org-section-title">{t('orgBelow')}</h3>
            <ul className="org-tree">
              <OrgBranch node={tree} collapsed={collapsed} selectedId={selected?.type === 'entity' ? selected.id : null} showVia={false} beside={beside} />
            </ul>
            {tree.children.length === 0 && <p className="muted small">{t('orgNothingBelow', { name: rootName })}</p>}
            <p className="org-beside-help muted small">
              <span className="org-dotted" aria-hidden="true" /> {t('orgBesideHelp')}
            </p>
          </>
        )}
      </div>
    </section>
  );
}

/** An entity's dotted lines: the relations beside the line of management, read from its side. */
function BesideLines({ id, beside }: { id: string; beside: readonly BesideRelation[] }) {
  const t = useT();
  const mine = beside.filter((r) => r.from.id === id || r.to.id === id);
  if (mine.length === 0) return null;
  return (
    <ul className="org-beside" aria-label={t('orgBeside')}>
      {mine.map((r) => {
        const other = r.from.id === id ? r.to : r.from;
        return (
          <li key={r.id} data-relation-kind={r.kind}>
            <span className="org-dotted" aria-hidden="true" />
            <span>{r.from.id === id ? r.label : r.inverseLabel}</span>{' '}
            <button type="button" className="link-button" onClick={() => setOrgRoot(other.id)} lang="sv">
              {other.name}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function OrgCard({
  node,
  selectedId,
  collapsed,
  showVia,
  beside,
}: {
  node: OrgNode;
  selectedId: string | null;
  collapsed: boolean;
  showVia: boolean;
  beside: readonly BesideRelation[];
}) {
  const t = useT();
  const { entity, via } = node.entry;
  const hasChildren = node.children.length > 0;
  return (
    <div className={`org-card kind-${entity.kind.toLowerCase()}${selectedId === entity.id ? ' is-selected' : ''}`}>
      {showVia && via && <span className="org-via">{via.label}</span>}
      <button type="button" className="org-name" onClick={() => selectEntity(entity.id)} aria-current={selectedId === entity.id ? 'true' : undefined}>
        <KindIcon kind={entity.kind} size={18} />
        <span className="org-text">
          <span className="org-title" lang="sv">
            {entity.name}
          </span>
          {entity.subtype && <span className="org-sub">{entity.subtype}</span>}
        </span>
      </button>
      <BesideLines id={entity.id} beside={beside} />
      {hasChildren && (
        <button
          type="button"
          className="org-toggle"
          aria-expanded={!collapsed}
          aria-label={t(collapsed ? 'showChildren' : 'hideChildren', { n: node.children.length, name: entity.name })}
          onClick={() => toggleCollapsed(entity.id)}
        >
          {collapsed ? `+${node.children.length}` : '−'}
        </button>
      )}
    </div>
  );
}

/**
 * One entity and what lies below it. Children without children of their own
 * (the nämnder KF elects, the companies Rådhus AB owns) sit side by side
 * under the words that place them ("väljer", "äger"); branches continue as
 * indented trees. The chart stays short enough to read without much scrolling.
 */
function OrgBranch({
  node,
  collapsed,
  selectedId,
  showVia = true,
  beside,
}: {
  node: OrgNode;
  collapsed: string[];
  selectedId: string | null;
  showVia?: boolean;
  beside: readonly BesideRelation[];
}) {
  const { entity } = node.entry;
  const isCollapsed = collapsed.includes(entity.id);
  const leaves = node.children.filter((c) => c.children.length === 0);
  const branches = node.children.filter((c) => c.children.length > 0);
  const groups = new Map<string, OrgNode[]>();
  for (const leaf of leaves) {
    const label = leaf.entry.via?.label ?? '';
    addTo(groups, label, leaf);
  }
  return (
    <li className="org-item" data-entity-id={entity.id}>
      <OrgCard node={node} selectedId={selectedId} collapsed={isCollapsed} showVia={showVia} beside={beside} />
      {node.children.length > 0 && !isCollapsed && (
        <ul className="org-children">
          {[...groups].map(([label, members]) => (
            <li key={`group-${label}`} className="org-group">
              <p className="org-group-label">
                {label} <span className="count">({members.length})</span>
              </p>
              <ul className="org-leaves">
                {members.map((leaf) => (
                  <li key={leaf.entry.entity.id} className="org-item org-leaf" data-entity-id={leaf.entry.entity.id}>
                    <OrgCard node={leaf} selectedId={selectedId} collapsed={false} showVia={false} beside={beside} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {branches.map((child) => (
            <OrgBranch key={child.entry.entity.id} node={child} collapsed={collapsed} selectedId={selectedId} beside={beside} />
          ))}
        </ul>
      )}
    </li>
  );
}
