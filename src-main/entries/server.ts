// Entry of the server host. The Node check runs before the registry code (and its native module) loads.
import { requireSupportedNode } from '../node-check';

requireSupportedNode();
const host = (await import(new URL('./server-host.js', import.meta.url).href)) as typeof import('../hosts/server/main');
await host.runServer(process.argv.slice(2));
