/**
 * CPU time of another process on this machine, read from /proc (Linux):
 * what a server spent on a window of requests, the figure the other
 * processes of a shared machine disturb least. The server is found by the
 * port it listens on, so that a server started through a wrapper (tsx) is
 * measured, not the wrapper.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The id of the process listening on this loopback TCP port, or null where /proc cannot tell. */
export function pidListeningOn(port: number): number | null {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  let inode: string | undefined;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const cells = line.trim().split(/\s+/);
        // local address, state 0A (LISTEN), inode
        if (cells[1]?.endsWith(`:${hex}`) && cells[3] === '0A') inode = cells[9];
      }
    } catch {
      // no such table: IPv4 or IPv6 only
    }
  }
  if (!inode) return null;
  const socket = `socket:[${inode}]`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) if (readlinkSync(`/proc/${entry}/fd/${fd}`) === socket) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return null;
}

/** User and system CPU time of `pid` so far, in microseconds (clock ticks of 10 ms). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state; utime and stime are the 14th and 15th fields.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
