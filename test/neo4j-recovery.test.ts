import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import type { RunningServer } from '@styrgraf/server';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestServer } from './helpers/server.ts';

/**
 * Recovery over real HTTP with the real driver: the server starts while the
 * Bolt port drops every connection, then a database appears on that port (a
 * minimal Bolt 5.0 stub that answers the data set and entity statements from
 * graph/), and the server comes back by itself: /health 200, GraphQL answers.
 */

// --- PackStream, the little of it the handshake, HELLO, BEGIN/RUN/PULL/COMMIT need ---

function decode(buf: Buffer, at: number): [unknown, number] {
  const m = buf[at]!;
  if (m <= 0x7f) return [m, at + 1];
  if (m >= 0xf0) return [m - 0x100, at + 1];
  const str = (len: number, start: number): [string, number] => [buf.toString('utf8', start, start + len), start + len];
  const list = (n: number, start: number): [unknown[], number] => {
    const out: unknown[] = [];
    let p = start;
    for (let i = 0; i < n; i++) [out[i], p] = decode(buf, p);
    return [out, p];
  };
  const map = (n: number, start: number): [Record<string, unknown>, number] => {
    const out: Record<string, unknown> = {};
    let p = start;
    for (let i = 0; i < n; i++) {
      const [k, q] = decode(buf, p);
      [out[k as string], p] = decode(buf, q);
    }
    return [out, p];
  };
  if (m >= 0x80 && m <= 0x8f) return str(m - 0x80, at + 1);
  if (m >= 0x90 && m <= 0x9f) return list(m - 0x90, at + 1);
  if (m >= 0xa0 && m <= 0xaf) return map(m - 0xa0, at + 1);
  if (m >= 0xb0 && m <= 0xbf) {
    const [fields, p] = list(m - 0xb0, at + 2);
    return [{ tag: buf[at + 1], fields }, p];
  }
  switch (m) {
    case 0xc0: return [null, at + 1];
    case 0xc1: return [buf.readDoubleBE(at + 1), at + 9];
    case 0xc2: return [false, at + 1];
    case 0xc3: return [true, at + 1];
    case 0xc8: return [buf.readInt8(at + 1), at + 2];
    case 0xc9: return [buf.readInt16BE(at + 1), at + 3];
    case 0xca: return [buf.readInt32BE(at + 1), at + 5];
    case 0xcb: return [Number(buf.readBigInt64BE(at + 1)), at + 9];
    case 0xd0: return str(buf[at + 1]!, at + 2);
    case 0xd1: return str(buf.readUInt16BE(at + 1), at + 3);
    case 0xd2: return str(buf.readUInt32BE(at + 1), at + 5);
    case 0xd4: return list(buf[at + 1]!, at + 2);
    case 0xd5: return list(buf.readUInt16BE(at + 1), at + 3);
    case 0xd8: return map(buf[at + 1]!, at + 2);
    case 0xd9: return map(buf.readUInt16BE(at + 1), at + 3);
    default: throw new Error(`PackStream marker 0x${m.toString(16)} is beyond this stub`);
  }
}

function encode(value: unknown): Buffer {
  const sized = (tiny: number, s8: number, s16: number, s32: number, n: number) =>
    n < 16 && tiny >= 0 ? Buffer.from([tiny + n]) : n < 0x100 ? Buffer.from([s8, n]) : n < 0x10000 ? Buffer.from([s16, n >> 8, n & 0xff]) : Buffer.concat([Buffer.from([s32]), Buffer.from(new Uint32Array([n]).buffer).reverse()]);
  if (value === null || value === undefined) return Buffer.from([0xc0]);
  if (value === true) return Buffer.from([0xc3]);
  if (value === false) return Buffer.from([0xc2]);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= -16 && value <= 127) return Buffer.from([value & 0xff]);
    const b = Buffer.alloc(9);
    if (Number.isInteger(value)) { b[0] = 0xcb; b.writeBigInt64BE(BigInt(value), 1); } else { b[0] = 0xc1; b.writeDoubleBE(value, 1); }
    return b;
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([sized(0x80, 0xd0, 0xd1, 0xd2, bytes.length), bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([sized(0x90, 0xd4, 0xd5, 0xd6, value.length), ...value.map(encode)]);
  const entries = Object.entries(value as Record<string, unknown>);
  return Buffer.concat([sized(0xa0, 0xd8, 0xd9, 0xda, entries.length), ...entries.flatMap(([k, v]) => [encode(k), encode(v)])]);
}

const message = (tag: number, ...fields: unknown[]) => {
  const body = Buffer.concat([Buffer.from([0xb0 + fields.length, tag]), ...fields.map(encode)]);
  const head = Buffer.alloc(2);
  head.writeUInt16BE(body.length);
  return Buffer.concat([head, body, Buffer.from([0, 0])]);
};
const SUCCESS = 0x70;
const RECORD = 0x71;

/** Answers Bolt 5.0 for the statements the test asks: the data set node and entity lookups. */
function boltStub(dataset: Dataset, onConnection: (socket: Socket) => void): Server {
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  return createServer((socket) => {
    onConnection(socket);
    let buffer = Buffer.alloc(0);
    let shaken = false;
    let pending: unknown[][] = [];
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!shaken) {
        if (buffer.length < 20) return;
        buffer = buffer.subarray(20);
        shaken = true;
        socket.write(Buffer.from([0, 0, 0, 5]));
      }
      for (;;) {
        // One message: chunks until a zero-length chunk.
        const parts: Buffer[] = [];
        let p = 0;
        let complete = false;
        while (p + 2 <= buffer.length) {
          const size = buffer.readUInt16BE(p);
          if (size === 0) { p += 2; complete = true; break; }
          if (p + 2 + size > buffer.length) break;
          parts.push(buffer.subarray(p + 2, p + 2 + size));
          p += 2 + size;
        }
        if (!complete) return;
        buffer = buffer.subarray(p);
        if (parts.length === 0) continue;
        const [request] = decode(Buffer.concat(parts), 0) as [{ tag: number; fields: unknown[] }, number];
        switch (request.tag) {
          case 0x10: {
            const [query, params] = request.fields as [string, Record<string, unknown>];
            if (query.includes('MATCH (d:Dataset')) {
              const counts = { entityCount: dataset.entities.length, relationCount: dataset.relations.length, entitiesByKind: {}, relationsByFamily: {} };
              pending = [[JSON.stringify(dataset.meta), dataset.digest, JSON.stringify(counts), JSON.stringify(dataset.tours)]];
              socket.write(message(SUCCESS, { fields: ['meta', 'digest', 'counts', 'tours'], t_first: 0 }));
            } else if (query.includes('UNWIND $ids AS id')) {
              pending = (params.ids as string[]).map((id) => [id, entities.has(id) ? JSON.stringify(entities.get(id)) : null]);
              socket.write(message(SUCCESS, { fields: ['id', 'json'], t_first: 0 }));
            } else {
              pending = [];
              socket.write(message(SUCCESS, { fields: [], t_first: 0 }));
            }
            break;
          }
          case 0x3f:
            for (const row of pending) socket.write(message(RECORD, row));
            pending = [];
            socket.write(message(SUCCESS, { has_more: false, type: 'r', t_last: 0, db: 'neo4j' }));
            break;
          case 0x12:
            socket.write(message(SUCCESS, { bookmark: 'stub:1' }));
            break;
          case 0x02:
            socket.end();
            return;
          case 0x01:
            socket.write(message(SUCCESS, { server: 'Neo4j/5.26.0', connection_id: 'bolt-stub' }));
            break;
          default:
            socket.write(message(SUCCESS, {}));
        }
      }
    });
    socket.on('error', () => socket.destroy());
  });
}

// --- the test ---

const graphDir = fileURLToPath(new URL('../graph', import.meta.url));
let dataset: Dataset;
const sockets = new Set<Socket>();
const servers: Server[] = [];
let running: RunningServer | null = null;
beforeAll(async () => {
  dataset = await loadDatasetOrThrow(graphDir);
});
afterAll(async () => {
  await running?.close();
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const listenOn = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

describe('STORE=neo4j when the database comes back', () => {
  it('recovers by itself: /health turns 200 and GraphQL answers from Neo4j', async () => {
    const dropper = createServer((socket) => socket.destroy());
    servers.push(dropper);
    const port = await listenOn(dropper, 0);
    running = await startTestServer({ STORE: 'neo4j', NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'stub' });
    expect((await fetch(new URL('health', running.url))).status).toBe(503);

    await new Promise<void>((resolve) => dropper.close(() => resolve()));
    const stub = boltStub(dataset, (socket) => sockets.add(socket));
    servers.push(stub);
    await listenOn(stub, port);

    // Re-checks come 1 s, then 2 s, then 4 s after the database went away.
    let status = 503;
    for (let waited = 0; waited < 12_000 && status !== 200; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await fetch(new URL('health', running.url))).status;
    }
    expect(status).toBe(200);
    const health = (await (await fetch(new URL('health', running.url))).json()) as { engine: string; dataset: { id: string; digest: string } };
    expect(health).toMatchObject({ engine: 'neo4j', dataset: { id: 'norrkoping', digest: dataset.digest } });
    const { body } = await gql<{ entity: { id: string } }>(running.url, '{ entity(id: "kommunstyrelsen") { id } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.entity.id).toBe('kommunstyrelsen');
  }, 30_000);
});
