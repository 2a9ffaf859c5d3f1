import type { BenchArea } from './types.ts';
import { adminBench } from './admin.ts';
import { plansBench } from './plans.ts';
import { printQueueBench } from './print-queue.ts';
import { printRenderBench } from './print-render.ts';
import { syncBench } from './sync.ts';
import { bookingBench } from './booking.ts';
import { cashierUiBench } from './cashier-ui.ts';
import { ordersBench } from './orders.ts';
import { accessBench } from './access.ts';
import { backupBench } from './backup.ts';
import { cashUpBench } from './cash-up.ts';
import { exportsBench } from './exports.ts';
import { reportsBench } from './reports.ts';

/** Each area adds itself here: bench/<area>.ts exporting a BenchArea. */
export const areas: BenchArea[] = [plansBench, syncBench, printQueueBench, printRenderBench, bookingBench, cashierUiBench, adminBench, ordersBench, accessBench, backupBench, cashUpBench, reportsBench, exportsBench];
