import type { EntityDetail } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { selectEntity } from '../../state/actions.ts';
import { KindIcon } from '../legend/KindIcon.tsx';

/**
 * What a post is and where it sits (W3C ORG's org:Post): the organisation it
 * is in and the generic role it is one of ("VD för Nodra AB" is one of the
 * subsidiaries' VDs). A generic role lists its posts instead, one per
 * organisation, on the date shown. Nothing for any other actor.
 */
export function PostSection({ entity: e }: { entity: EntityDetail }) {
  const t = useT();
  if (e.generic) {
    const posts = e.posts ?? [];
    return (
      <section className="detail-section" aria-labelledby="generic-heading" data-testid="generic-role">
        <h3 id="generic-heading">{t('genericHeading')}</h3>
        <p>{t('genericLead')}</p>
        <h4>{t('genericPosts', { n: posts.length })}</h4>
        {posts.length === 0 ? (
          <p className="muted">{t('genericNoPosts')}</p>
        ) : (
          <ul className="post-list">
            {posts.map((post) => (
              <li key={post.id} data-entity-id={post.id}>
                <EntityLink entity={post} />
                {post.postIn && <span className="post-org">{t('postInShort', { name: post.postIn.name })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  if (!e.postIn && !e.role) return null;
  return (
    <section className="detail-section" aria-labelledby="post-heading" data-testid="post">
      <h3 id="post-heading">{t('postHeading')}</h3>
      <dl className="post-facts">
        {e.postIn && (
          <>
            <dt>{t('postIn')}</dt>
            <dd data-testid="post-in">
              <EntityLink entity={e.postIn} />
            </dd>
          </>
        )}
        {e.role && (
          <>
            <dt>{t('postRole')}</dt>
            <dd data-testid="post-role">
              <EntityLink entity={e.role} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function EntityLink({ entity }: { entity: { id: string; kind: string; name: string } }) {
  return (
    <button type="button" className="button button-small" onClick={() => selectEntity(entity.id)} data-entity-id={entity.id}>
      <KindIcon kind={entity.kind} size={14} /> <span lang="sv">{entity.name}</span>
    </button>
  );
}
