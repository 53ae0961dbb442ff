import { describe, expect, it } from 'vitest';
import { Connectivity, type Timers } from './connectivity.ts';

/**
 * Degraded mode's state machine on its own, with a clock the test moves: the
 * backoff schedule, failing fast while down, and coming back. (The same with a
 * live Neo4j stopped and started under a running server is
 * test/neo4j-recovery.test.ts; that cannot show the schedule without waiting
 * out a minute of it.)
 */
class ManualTimers implements Timers {
  private clock = 0;
  private pending: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  now = () => this.clock;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.pending.push({ at: this.clock + ms, fn, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.pending = this.pending.filter((p) => p.id !== handle);
  };

  get scheduled(): number[] {
    return this.pending.map((p) => p.at - this.clock);
  }

  /** Moves time on, running what falls due, and lets their promises settle. */
  async advance(ms: number): Promise<void> {
    this.clock += ms;
    const due = this.pending.filter((p) => p.at <= this.clock);
    this.pending = this.pending.filter((p) => p.at > this.clock);
    for (const p of due) p.fn();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}

function machine(answer: () => Promise<void>) {
  const timers = new ManualTimers();
  let checks = 0;
  const log: string[] = [];
  const connectivity = new Connectivity(
    async () => {
      checks++;
      await answer();
    },
    (error) => `Neo4j at bolt://db.test:7687 is unreachable: ${error instanceof Error ? error.message : String(error)}`,
    { timers, backoff: { initialMs: 1_000, maxMs: 8_000 }, log: (m) => log.push(m) },
  );
  return { connectivity, timers, checks: () => checks, log };
}

describe('degraded mode', () => {
  it('starts down when the first check fails, fails fast with the reason, and checks again with doubling delays up to the cap', async () => {
    let up = false;
    const { connectivity, timers, checks, log } = machine(async () => {
      if (!up) throw new Error('Connection refused');
    });
    await connectivity.start();
    expect(connectivity.availability).toMatchObject({ status: 'down', failedChecks: 0, reason: expect.stringContaining('Connection refused') });
    expect(() => connectivity.ensureUp()).toThrow(/is unreachable: Connection refused\. Checking again in 1 s\./);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push(timers.scheduled[0]!);
      await timers.advance(timers.scheduled[0]!);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(checks()).toBe(6);
    up = true;
    await timers.advance(8_000);
    expect(connectivity.availability.status).toBe('up');
    expect(timers.scheduled).toEqual([]);
    expect(() => connectivity.ensureUp()).not.toThrow();
    expect(log.at(-1)).toMatch(/store available again after \d+ s/);
  });

  it('goes down when a query finds the database gone, keeps the newest reason, and comes back at the next good check', async () => {
    let up = true;
    const { connectivity, timers } = machine(async () => {
      if (!up) throw new Error('Connection refused');
    });
    await connectivity.start();
    expect(connectivity.availability.status).toBe('up');
    up = false;
    connectivity.markDown('Neo4j at bolt://db.test:7687 is unreachable: Connection was closed by server');
    expect(() => connectivity.ensureUp()).toThrow(/Connection was closed by server/);
    await timers.advance(1_000);
    expect(connectivity.availability).toMatchObject({ status: 'down', failedChecks: 1, reason: expect.stringContaining('Connection refused') });
    up = true;
    await timers.advance(2_000);
    expect(connectivity.availability.status).toBe('up');
  });

  it('stops checking when closed', async () => {
    const { connectivity, timers } = machine(async () => {
      throw new Error('Connection refused');
    });
    await connectivity.start();
    expect(timers.scheduled).toHaveLength(1);
    connectivity.close();
    expect(timers.scheduled).toEqual([]);
    connectivity.markDown('later');
    expect(timers.scheduled).toEqual([]);
  });
});
