// Starts a real Neo4j Community server (the Maven project beside this file)
// without Docker: for the test suite's global setup and for `pnpm neo4j:dev`.
//
// The first start resolves the pinned Neo4j through Maven into the usual local
// repository (~/.m2) and compiles the launcher; both are cached under
// test/neo4j/target/<line>/ and redone only when pom.xml or the launcher change.
import { spawn, spawnSync } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const POM = join(here, 'pom.xml');
const SOURCE = join(here, 'src/main/java/styrgraf/Neo4jLauncher.java');

/** The release lines the pom knows: the LTS by default, the calendar release with the `calver` profile. */
export const LINES = {
  lts: { profile: null, minJava: 17 },
  calver: { profile: 'calver', minJava: 21 },
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { ok: result.status === 0 && !result.error, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

function javaMajor(javaBin) {
  const { ok, stderr, stdout } = run(javaBin, ['-version']);
  if (!ok) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(stderr + stdout);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** A JDK home whose java is at least `minJava`: JAVA_HOME, the java on PATH, then /usr/lib/jvm. */
function findJdk(minJava) {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  candidates.push(null); // the java on PATH
  if (existsSync('/usr/lib/jvm')) for (const name of readdirSync('/usr/lib/jvm').sort().reverse()) candidates.push(join('/usr/lib/jvm', name));
  for (const home of candidates) {
    const javaBin = home ? join(home, 'bin/java') : 'java';
    const javacBin = home ? join(home, 'bin/javac') : 'javac';
    if (home && !existsSync(javaBin)) continue;
    const major = javaMajor(javaBin);
    if (major !== null && major >= minJava && run(javacBin, ['-version']).ok) return { home, javaBin, javacBin, major };
  }
  return null;
}

/**
 * Why a live Neo4j cannot be started here (no JDK of the line's version, no
 * Maven), or null when it can.
 */
export function neo4jUnavailableReason(line = 'lts') {
  const spec = LINES[line];
  if (!spec) return `unknown Neo4j line "${line}" (use ${Object.keys(LINES).join(' or ')})`;
  if (!findJdk(spec.minJava)) return `no JDK ${spec.minJava}+ with java and javac (JAVA_HOME, PATH or /usr/lib/jvm)`;
  if (!run('mvn', ['-v']).ok) return 'mvn (Maven) is not on PATH';
  return null;
}

/** Resolves the pinned Neo4j through Maven and compiles the launcher, unless the cache is newer than both. */
export function prepareLauncher(line = 'lts', log = () => {}) {
  const spec = LINES[line];
  const reason = neo4jUnavailableReason(line);
  if (reason) throw new Error(`cannot start Neo4j (${line}): ${reason}`);
  const jdk = findJdk(spec.minJava);
  const target = join(here, 'target', line);
  const classpathFile = join(target, 'classpath.txt');
  const classes = join(target, 'classes');
  const stamp = join(target, 'stamp');
  const inputs = Math.max(statSync(POM).mtimeMs, statSync(SOURCE).mtimeMs);
  const fresh =
    existsSync(stamp) &&
    existsSync(classpathFile) &&
    Number(readFileSync(stamp, 'utf8')) === inputs &&
    jdk.javaBin === readFileSync(join(target, 'java'), 'utf8');
  if (!fresh) {
    mkdirSync(classes, { recursive: true });
    log(`neo4j: resolving Neo4j (${line}) through Maven …`);
    const env = { ...process.env, ...(jdk.home ? { JAVA_HOME: jdk.home } : {}) };
    const mvnArgs = ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`];
    if (spec.profile) mvnArgs.push(`-P${spec.profile}`);
    const resolved = run('mvn', mvnArgs, { env });
    if (!resolved.ok) throw new Error(`mvn could not resolve Neo4j (${line}):\n${resolved.stdout}${resolved.stderr}`);
    const compiled = run(jdk.javacBin, ['-d', classes, '-cp', readFileSync(classpathFile, 'utf8').trim(), SOURCE]);
    if (!compiled.ok) throw new Error(`javac could not compile the launcher:\n${compiled.stderr}`);
    writeFileSync(join(target, 'java'), jdk.javaBin);
    writeFileSync(stamp, String(inputs));
  }
  return { javaBin: jdk.javaBin, classpath: `${classes}:${readFileSync(classpathFile, 'utf8').trim()}` };
}

/**
 * Starts Neo4j and resolves once it accepts Bolt connections.
 * @param {{ home: string, port?: number, password: string, line?: 'lts' | 'calver', heap?: string, log?: (m: string) => void, startTimeoutMs?: number }} options
 */
export async function startNeo4j(options) {
  const { home, port = 0, password, line = 'lts', heap = '1g', log = () => {}, startTimeoutMs = 180_000 } = options;
  const { javaBin, classpath } = prepareLauncher(line, log);
  mkdirSync(home, { recursive: true });
  const child = spawn(
    javaBin,
    [`-Xmx${heap}`, '-XX:+UseParallelGC', '-cp', classpath, 'styrgraf.Neo4jLauncher', '--home', resolve(home), '--port', String(port), '--password', password],
    // stdin stays open as long as we live: when this process goes, Neo4j goes.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const ready = await new Promise((resolveReady, rejectReady) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectReady(new Error(`Neo4j did not accept connections within ${startTimeoutMs / 1000} s\n${stderr}`));
    }, startTimeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /accepts connections at (bolt:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (match) {
        clearTimeout(timer);
        const version = /Neo4j (\S+) accepts/.exec(out)?.[1] ?? 'unknown';
        resolveReady({ uri: match[1], port: Number(match[2]), version });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectReady(new Error(`Neo4j exited before it accepted connections (code ${code}, signal ${signal})\n${stderr}`));
    });
  });
  let stopping = null;
  return {
    ...ready,
    username: 'neo4j',
    password,
    process: child,
    exited,
    /** Stops Neo4j cleanly (SIGTERM runs its shutdown) and resolves when it has exited. */
    stop(signal = 'SIGTERM') {
      if (!stopping) {
        stopping = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : exited.then(() => undefined);
        child.kill(signal);
      }
      return stopping;
    },
  };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

// `node test/neo4j/launch.mjs --prepare lts,calver`: resolve and compile only (CI does this as a step of its own, so the download shows in its log).
if (invokedDirectly && process.argv[2] === '--prepare') {
  for (const line of (process.argv[3] ?? 'lts').split(',')) {
    const started = performance.now();
    try {
      prepareLauncher(line, (m) => console.log(m));
      console.log(`neo4j: ${line} ready to start (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
  }
}

// `pnpm neo4j:dev`: a persistent local Neo4j for development, on NEO4J_PORT (default 7687).
else if (invokedDirectly) {
  const root = resolve(here, '../..');
  const port = Number(process.env.NEO4J_PORT || 7687);
  const password = process.env.NEO4J_PASSWORD || 'styrgraf-dev';
  const home = resolve(root, process.env.NEO4J_HOME || '.neo4j/dev');
  const line = process.env.NEO4J_LINE || 'lts';
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`NEO4J_PORT must be a port number (1-65535), not "${process.env.NEO4J_PORT}"`);
    process.exit(2);
  }
  const reason = neo4jUnavailableReason(line);
  if (reason) {
    console.error(`Cannot start Neo4j without Docker here: ${reason}. Install a JDK 17+ and Maven, or use Docker (see README).`);
    process.exit(2);
  }
  console.error(`neo4j:dev: starting Neo4j (${line}) with data in ${home} …`);
  startNeo4j({ home, port, password, line, log: (m) => console.error(m) }).then(
    (neo4j) => {
      console.log(`Neo4j ${neo4j.version} is running. In another shell:\n`);
      console.log(`export NEO4J_URI=${neo4j.uri.replace('127.0.0.1', 'localhost')}`);
      console.log(`export NEO4J_USERNAME=${neo4j.username}`);
      console.log(`export NEO4J_PASSWORD=${neo4j.password}`);
      console.log(`\nthen: pnpm graph:load && STORE=neo4j pnpm start   (Ctrl-C here stops Neo4j; the data stays in ${home})`);
      const stop = () => void neo4j.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      void neo4j.exited.then(({ code }) => process.exit(code ?? 1));
    },
    (error) => {
      console.error(String(error instanceof Error ? error.message : error));
      process.exit(1);
    },
  );
}
