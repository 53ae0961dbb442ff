import { describe, expect, it } from 'vitest';
import { sdlEnum } from '../test-support/sdl.ts';
import { ENTITY_KINDS, PARTICIPATION_ROLES, RELATION_FAMILIES } from './types.ts';

/** The web app mirrors a few enums of the API; this fails when the SDL changes and the mirror does not. */
describe('the API enums the web app mirrors', () => {
  it.each([
    ['RelationFamily', RELATION_FAMILIES],
    ['EntityKind', ENTITY_KINDS],
    ['ParticipationRole', PARTICIPATION_ROLES],
  ])('%s', (name, mirror) => {
    expect([...mirror]).toEqual(sdlEnum(name));
  });
});
