// Entry of the CLI. The Node check runs before the registry code (and its native module) loads.
import { requireSupportedNode } from '../node-check';
import type * as CliModuleNs from '../hosts/cli/main';

type CliModule = typeof CliModuleNs;

requireSupportedNode();
const cli = (await import(new URL('./cli-host.js', import.meta.url).href)) as CliModule;
process.exitCode = await cli.runCli(process.argv.slice(2));
