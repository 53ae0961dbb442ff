/**
 * The V8 settings the server runs with in production, in one place: `pnpm
 * start` (apps/server/package.json, held to this list by a test) and every
 * server the tests and the benchmark spawn (test/helpers/server.ts) start
 * node with them, so that no figure is taken from a process set up otherwise.
 *
 * A young generation of up to 64 MB a semi-space (node's default is 16):
 * on the national set a scavenge costs about 5 ms however little of the young
 * generation survives (the old generation, ~200 MB of graph, is what it
 * pays for), and a request allocates ~250 kB, so a 16 MB semi-space pays
 * that 5 ms every ~60 requests. Four times the room means a quarter of the
 * scavenges for the same requests, at up to ~100 MB more resident memory
 * under load (measured with --trace-gc-nvp; figures in the commit).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
