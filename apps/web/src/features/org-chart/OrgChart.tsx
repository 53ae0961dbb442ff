import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import type { OrgChartEntry } from '../../api/types.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { selectEntity, setCollapsed, setOrgRoot, toggleCollapsed } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { KindIcon } from '../legend/KindIcon.tsx';
import { EntityCombobox } from '../search/EntityCombobox.tsx';
import { QueryStatus } from '../status/ErrorNotice.tsx';
import { branchIds, buildOrgTree, type OrgNode } from './tree.ts';
import './org-chart.css';

export const ORG_CHART_QUERY = /* GraphQL */ `
  query OrgChart($rootId: ID!, $asOf: Date, $lang: Lang) {
    orgChart(rootId: $rootId, asOf: $asOf) {
      entries {
        entity { id kind name nameEn: name(lang: EN) ... on Actor { subtype } }
        depth
        parent { id }
        via { id kind family label(lang: $lang) }
        childCount
      }
    }
  }
`;

const ROOTS = [
  { id: 'kommunfullmaktige', label: 'KF' },
  { id: 'kommunstyrelsen', label: 'KS' },
  { id: 'kommundirektor', label: 'Kommundirektör' },
  { id: 'norrkoping-radhus-ab', label: 'Rådhus AB' },
];

/** The reporting and ownership tree from a root (KF by default) down to the kontor and the companies, collapsible. */
export function OrgChart() {
  const t = useT();
  const lang = useApiLang();
  const root = useView((s) => s.orgRoot);
  const date = useView((s) => s.date);
  const collapsed = useView((s) => s.collapsed);
  const selected = useView((s) => s.selected);
  const chart = useQuery({
    queryKey: ['orgChart', root, date, lang],
    queryFn: ({ signal }) =>
      request<{ orgChart: { entries: (OrgChartEntry & { entity: { subtype?: string | null } })[] } }>(ORG_CHART_QUERY, { rootId: root, asOf: date, lang }, signal).then((d) =>
        d.orgChart.entries.map((e) => ({ ...e, entity: { ...e.entity, subtype: e.entity.subtype ?? null } })),
      ),
  });
  const tree = chart.data ? buildOrgTree(chart.data) : null;

  return (
    <section className="org-view" aria-labelledby="org-title" data-testid="org-chart">
      <header className="view-header">
        <div>
          <h2 id="org-title">{t('orgHeading')}</h2>
          <div className="root-picker" role="group" aria-label={t('orgRoot')}>
            <span className="toolbar-label">{t('orgRoot')}</span>
            {ROOTS.map((r) => (
              <button key={r.id} type="button" className="chip-button" aria-pressed={root === r.id} onClick={() => setOrgRoot(r.id)}>
                {r.label}
              </button>
            ))}
            <div className="root-search">
              <EntityCombobox label={t('orgRoot')} hideLabel placeholder={t('searchPlaceholder')} kinds={['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION']} onPick={(e) => setOrgRoot(e.id)} />
            </div>
          </div>
        </div>
        {chart.data && (
          <div className="toolbar-group">
            <button type="button" className="button button-quiet" onClick={() => setCollapsed([])}>
              {t('expandAll')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setCollapsed(branchIds(chart.data))}>
              {t('collapseAll')}
            </button>
          </div>
        )}
      </header>
      <div className="org-scroll">
        <QueryStatus query={chart} />
        {tree && (
          <ul className="org-tree">
            <OrgBranch node={tree} collapsed={collapsed} selectedId={selected?.type === 'entity' ? selected.id : null} showVia={false} />
          </ul>
        )}
      </div>
    </section>
  );
}

function OrgCard({ node, selectedId, collapsed, showVia }: { node: OrgNode; selectedId: string | null; collapsed: boolean; showVia: boolean }) {
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
function OrgBranch({ node, collapsed, selectedId, showVia = true }: { node: OrgNode; collapsed: string[]; selectedId: string | null; showVia?: boolean }) {
  const { entity } = node.entry;
  const isCollapsed = collapsed.includes(entity.id);
  const leaves = node.children.filter((c) => c.children.length === 0);
  const branches = node.children.filter((c) => c.children.length > 0);
  const groups = new Map<string, OrgNode[]>();
  for (const leaf of leaves) {
    const label = leaf.entry.via?.label ?? '';
    groups.set(label, [...(groups.get(label) ?? []), leaf]);
  }
  return (
    <li className="org-item" data-entity-id={entity.id}>
      <OrgCard node={node} selectedId={selectedId} collapsed={isCollapsed} showVia={showVia} />
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
                    <OrgCard node={leaf} selectedId={selectedId} collapsed={false} showVia={false} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {branches.map((child) => (
            <OrgBranch key={child.entry.entity.id} node={child} collapsed={collapsed} selectedId={selectedId} />
          ))}
        </ul>
      )}
    </li>
  );
}
