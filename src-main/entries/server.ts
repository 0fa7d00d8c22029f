// Entry of the server host. The Node check runs before the registry code (and its native module) loads.
import { requireSupportedNode } from '../node-check';
import type * as ServerModuleNs from '../hosts/server/main';

type ServerModule = typeof ServerModuleNs;

requireSupportedNode();
const host = (await import(new URL('./server-host.js', import.meta.url).href)) as ServerModule;
await host.runServer(process.argv.slice(2));
