/**
 * vitest globalSetup of the `neo4j` project: starts one live Neo4j per
 * release line for the whole run (the 5.26 LTS, and the 2025.x calendar
 * release where a JDK 21+ is installed), hands their addresses to the test
 * files, and stops them at the end.
 *
 * Where Java or Maven is missing, the line is not started and its tests are
 * skipped one by one (so the count says how many), with one line saying why;
 * STYRGRAF_REQUIRE_NEO4J=1 turns that into a failed run instead.
 * STYRGRAF_NEO4J_LINES (default `lts,calver`) chooses the lines.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { neo4jUnavailableReason, startNeo4j, type Neo4jLine, type RunningNeo4j } from './launch.mjs';
import type { LiveNeo4jInstances } from './instances.ts';

const ALL_LINES: readonly Neo4jLine[] = ['lts', 'calver'];

function wantedLines(): { lines: Neo4jLine[]; notWanted: string } {
  const raw = process.env.STYRGRAF_NEO4J_LINES ?? ALL_LINES.join(',');
  const asked = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = asked.filter((l) => !ALL_LINES.includes(l as Neo4jLine));
  if (unknown.length > 0) throw new Error(`STYRGRAF_NEO4J_LINES names unknown lines: ${unknown.join(', ')} (use ${ALL_LINES.join(', ')})`);
  return { lines: asked as Neo4jLine[], notWanted: `not in STYRGRAF_NEO4J_LINES=${raw}` };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = process.env.STYRGRAF_REQUIRE_NEO4J === '1';
  const { lines, notWanted } = wantedLines();
  const instances: LiveNeo4jInstances = { lts: { skipped: notWanted }, calver: { skipped: notWanted } };
  const running: RunningNeo4j[] = [];
  const homes: string[] = [];
  const teardown = async () => {
    await Promise.all(running.map((n) => n.stop()));
    await Promise.all(homes.map((home) => rm(home, { recursive: true, force: true })));
  };

  for (const line of ALL_LINES.filter((l) => !lines.includes(l))) console.log(`[neo4j] Neo4j ${line} tests SKIPPED: ${notWanted}.`);
  const startable: Neo4jLine[] = [];
  for (const line of lines) {
    const reason = neo4jUnavailableReason(line);
    if (!reason) {
      startable.push(line);
      continue;
    }
    if (required) throw new Error(`STYRGRAF_REQUIRE_NEO4J=1, but Neo4j (${line}) cannot be started here: ${reason}`);
    instances[line] = { skipped: reason };
    console.log(`[neo4j] Neo4j ${line} tests SKIPPED: ${reason}. They count as skipped; STYRGRAF_REQUIRE_NEO4J=1 fails the run instead.`);
  }

  try {
    // Both lines start side by side: most of a start is the JVM waiting on disk and on its own warm-up.
    await Promise.all(
      startable.map(async (line) => {
        const home = await mkdtemp(join(tmpdir(), `styrgraf-neo4j-${line}-`));
        homes.push(home);
        const started = performance.now();
        const neo4j = await startNeo4j({ home, line, password: `styrgraf-${randomBytes(8).toString('hex')}`, log: (m) => console.log(`[neo4j] ${m}`) });
        running.push(neo4j);
        instances[line] = {
          line,
          version: neo4j.version,
          boltUri: neo4j.uri,
          routingUri: neo4j.uri.replace(/^bolt:/, 'neo4j:'),
          username: neo4j.username,
          password: neo4j.password,
        };
        console.log(`[neo4j] Neo4j ${neo4j.version} (${line}) is up at ${neo4j.uri} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }),
    );
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('neo4j', instances);
  // The test processes get the LTS server as NEO4J_*, as the command-line tools read them; any
  // NEO4J_* of the shell (a developer's own database, say) is never what a test writes to.
  delete process.env.NEO4J_DATABASE;
  const lts = instances.lts;
  if ('boltUri' in lts) Object.assign(process.env, { NEO4J_URI: lts.routingUri, NEO4J_USERNAME: lts.username, NEO4J_PASSWORD: lts.password });
  else for (const key of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD']) delete process.env[key];
  return teardown;
}
