/** The `styrgraf` process: runs the command line and leaves its exit code to Node, so that output is flushed before it exits. */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text) });
