import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('configuration', () => {
  it('runs on a bare machine with defaults', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      store: 'memory',
      neo4j: null,
      dev: false,
      corsOrigins: [],
      maxBodyBytes: 100_000,
      queryTimeoutMs: 10_000,
    });
    expect(config.graphDir).toMatch(/graph$/);
    expect(config).toMatchObject({ graphiql: true, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 1_000 });
  });

  it('reads the HTTP defences and GraphiQL switch, and refuses a request timeout shorter than the headers timeout', () => {
    expect(readConfig({ GRAPHIQL: '0', HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '5000', MAX_CONNECTIONS: '50' })).toMatchObject({
      graphiql: false,
      headersTimeoutMs: 2_000,
      requestTimeoutMs: 5_000,
      maxConnections: 50,
    });
    expect(() => readConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL must be 1 or 0/);
    expect(() => readConfig({ HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '2000' })).toThrow(
      /REQUEST_TIMEOUT_MS \(2000\) must be at least HEADERS_TIMEOUT_MS \(5000\)/,
    );
  });

  it('lists every bad setting at once', () => {
    try {
      readConfig({ PORT: 'fyra', STORE: 'neo4j', NEO4J_URI: 'http://db:7474' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems[0]).toContain('PORT');
      expect(problems[1]).toContain('NEO4J_URI must start with neo4j://');
      expect(problems[2]).toContain('NEO4J_PASSWORD is required');
    }
  });

  it('rejects an unknown store', () => {
    expect(() => readConfig({ STORE: 'postgres' })).toThrow(/STORE must be "memory" or "neo4j", not "postgres"/);
  });

  it('reads the Neo4j settings', () => {
    expect(readConfig({ STORE: 'neo4j', NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_PASSWORD: 'secret' }).neo4j).toEqual({
      uri: 'neo4j+s://x.databases.neo4j.io',
      username: 'neo4j',
      password: 'secret',
      database: 'neo4j',
    });
  });

  it('reads the hardening settings: CORS origins, body size and query timeout', () => {
    const config = readConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173', MAX_BODY_BYTES: '50000', QUERY_TIMEOUT_MS: '2500' });
    expect(config).toMatchObject({ corsOrigins: ['https://a.example', 'http://localhost:5173'], maxBodyBytes: 50_000, queryTimeoutMs: 2_500 });
    expect(readConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    try {
      readConfig({ CORS_ORIGINS: 'a.example/path', MAX_BODY_BYTES: '1e9', QUERY_TIMEOUT_MS: 'snabbt' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toEqual([
        'MAX_BODY_BYTES must be a whole number 1000–10000000, not "1e9"',
        'QUERY_TIMEOUT_MS must be a whole number 100–300000, not "snabbt"',
        'CORS_ORIGINS must list origins such as https://styrgraf.example (scheme and host, no path) or "*", not "a.example/path"',
      ]);
    }
  });

  it('reads the watch setting, and refuses it with Neo4j', () => {
    expect(readConfig({}).watch).toBe(false);
    expect(readConfig({ STYRGRAF_WATCH: '1' }).watch).toBe(true);
    expect(readConfig({ STYRGRAF_WATCH: '0' }).watch).toBe(false);
    expect(() => readConfig({ STYRGRAF_WATCH: 'kanske' })).toThrow('STYRGRAF_WATCH must be 1 or 0, not "kanske"');
    expect(() => readConfig({ STYRGRAF_WATCH: '1', STORE: 'neo4j', NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'x' })).toThrow(
      /--watch \(STYRGRAF_WATCH=1\) reloads graph\/ into the embedded store only; with STORE=neo4j, run `pnpm graph:load`/,
    );
  });
});
