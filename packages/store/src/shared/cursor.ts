import { StoreError } from '../port.ts';

const PREFIX = 'id:';

/** Cursors are opaque to clients: base64url of the last id, so that a client cannot depend on their form. */
export function encodeCursor(id: string): string {
  return Buffer.from(PREFIX + id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(PREFIX) || decoded.length === PREFIX.length) {
    throw new StoreError('BAD_USER_INPUT', `"after" is not a cursor this API gave out: ${JSON.stringify(cursor.slice(0, 40))}`);
  }
  return decoded.slice(PREFIX.length);
}
