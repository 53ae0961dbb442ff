import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

describe('redact', () => {
  it('drops the user and password of a URI, keeping host and port', () => {
    expect(redact('Neo4j at bolt://neo4j:s3cr3t@db.internal:7687 (database "neo4j") is unreachable')).toBe(
      'Neo4j at bolt://db.internal:7687 (database "neo4j") is unreachable',
    );
    expect(redact('neo4j+s://user@x.databases.neo4j.io')).toBe('neo4j+s://x.databases.neo4j.io');
    expect(redact('bolt://127.0.0.1:7687')).toBe('bolt://127.0.0.1:7687');
  });

  it('keeps only the last part of an absolute path', () => {
    expect(redact("cannot read the data directory: ENOENT: no such file or directory, scandir '/srv/styrgraf/graph'")).toBe(
      "cannot read the data directory: ENOENT: no such file or directory, scandir '…/graph'",
    );
    expect(redact('/home/ops/data/graph')).toBe('…/graph');
    expect(redact('entities/units.yaml line 4')).toBe('entities/units.yaml line 4');
  });
});
