import { describe, expect, it } from 'vitest';
import { SDL, sdlEnum } from '../test-support/sdl.ts';
import { CONFIDENCES, ENTITY_KINDS, EVIDENCE_STATUSES, PARTICIPATION_ROLES, RELATION_FAMILIES } from './types.ts';

/** The web app mirrors a few enums of the API; this fails when the SDL changes and the mirror does not. */
describe('the API enums the web app mirrors', () => {
  it.each([
    ['RelationFamily', RELATION_FAMILIES],
    ['EntityKind', ENTITY_KINDS],
    ['ParticipationRole', PARTICIPATION_ROLES],
    ['EvidenceStatus', EVIDENCE_STATUSES],
  ])('%s', (name, mirror) => {
    expect([...mirror]).toEqual(sdlEnum(name));
  });

  it('Confidence, whose LOW the evidence schema adds with `extend enum`', () => {
    const low = /extend enum Confidence \{([^}]*)\}/.exec(SDL)?.[1] ?? '';
    expect([...CONFIDENCES]).toEqual([...sdlEnum('Confidence'), ...low.split('\n').map((l) => l.replace(/"[^"]*"/g, '').trim()).filter((l) => /^[A-Z_]+$/.test(l))]);
  });
});
