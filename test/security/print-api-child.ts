/**
 * A print API in its own process, so a request that would crash it shows as the process ending
 * (which an in-process test cannot tell from a failed assertion). Prints `READY <port> <token>`,
 * then serves until killed. Argument: the data folder of a box office already on disk.
 */
import { openBoxOffice } from '../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { composeBoxOffice } from '../../src-main/app/compose.ts';

const dataDir = process.argv[2]!;
const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'test' });
const service = composeBoxOffice(office, { sweeper: false, sync: false, print: { api: { port: 0 } } }).printing;
await service.started;
process.stdout.write(`READY ${service.api!.port} ${service.apiSettings().token}\n`);
