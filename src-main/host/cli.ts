import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBoxOffice } from '../core/box-office.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { sourceMigrationsRoot, sourceRoot } from '../paths.ts';
import { parseHostCli } from './cli-options.ts';
import { startHostServer } from './server.ts';
import { startServices } from '../core/services.ts';
import { startDemoPrinter, type DemoPrinter } from '../print/demo-printer.ts';

let options;
try {
  options = parseHostCli(process.argv.slice(2), process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const version = (JSON.parse(readFileSync(join(sourceRoot, 'package.json'), 'utf8')) as { version: string }).version;
const office = openBoxOffice({
  dataDir: options.dataDir,
  migrationsRoot: sourceMigrationsRoot,
  mode: 'host',
  version,
  stationName: options.stationName,
});

if (options.demo) {
  const isEmpty = office.records.$client.prepare('select count(*) as n from performances').get() as { n: number };
  if (isEmpty.n === 0) {
    const demo = loadDemo(office.records, { now: office.clock.now(), assetsDir: office.assetsDir });
    console.log(`Demo loaded: ${demo.performances} performances, ${demo.seats} seats.`);
  } else {
    console.log('The database already has performances; the demo was not loaded again.');
  }
}

const services = startServices(office);
let demoPrinter: DemoPrinter | null = null;
if (options.demo) {
  demoPrinter = await startDemoPrinter(office);
  console.log(`Simulated counter printer on ${demoPrinter.printer.uri}; printed jobs go to ${demoPrinter.outDir}`);
}
const server = await startHostServer({
  office,
  host: options.host,
  port: options.port,
  rendererDir: join(sourceRoot, 'dist', 'renderer'),
  allowLan: options.lan,
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${options.port} is already in use; pick another with --port.`
      : `Host mode could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  office.close();
  process.exit(1);
});

console.log(`Marquee host mode is serving ${options.dataDir}`);
console.log(`Open ${server.url} in a browser (Ctrl+C to stop).`);

async function shutdown(): Promise<void> {
  await services.stop();
  await demoPrinter?.stop();
  await server.close();
  office.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
