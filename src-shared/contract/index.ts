import type { z } from 'zod';
import type { Result } from '../errors.ts';
import type { EventDef, ProcedureDef } from './define.ts';
import { systemProcedures } from './system.ts';
import { performanceEvents, performanceProcedures } from './performances.ts';
import { planProcedures } from './plans.ts';
import { syncEvents, syncProcedures } from './sync.ts';
import { salesEvents, salesProcedures } from './sales.ts';
import { staffEvents, staffProcedures } from './staff.ts';
import { checkinProcedures } from './checkin.ts';
import { printingEvents, printingProcedures } from './printing.ts';
import { layoutProcedures } from './layouts.ts';
import { orderProcedures } from './orders.ts';
import { catalogAdminProcedures } from './catalog-admin.ts';
import { staffAdminProcedures } from './staff-admin.ts';
import { auditProcedures } from './audit.ts';
import { settingsProcedures } from './settings.ts';
import { windowEvents, windowProcedures } from './windows.ts';
import { windowServingProcedures } from './window-serving.ts';
import { terminalJoinProcedures } from './terminal-join.ts';
import { shiftsProcedures } from './shifts.ts';
import { backupEvents, backupProcedures } from './backups.ts';
import { trainingProcedures } from './training.ts';
import { exportEvents, exportProcedures } from './exports.ts';
import { reportProcedures } from './reports.ts';

/** Every procedure of the box office, once. Add a domain by spreading its object here. */
export const procedures = {
  ...systemProcedures,
  ...performanceProcedures,
  ...planProcedures,
  ...syncProcedures,
  ...printingProcedures,
  ...layoutProcedures,
  ...salesProcedures,
  ...staffProcedures,
  ...checkinProcedures,
  ...orderProcedures,
  ...catalogAdminProcedures,
  ...staffAdminProcedures,
  ...auditProcedures,
  ...settingsProcedures,
  ...windowProcedures,
  ...windowServingProcedures,
  ...terminalJoinProcedures,
  ...backupProcedures,
  ...trainingProcedures,
  ...shiftsProcedures,
  ...exportProcedures,
  ...reportProcedures,
} satisfies Record<string, ProcedureDef>;

/** Every event pushed to open screens, once. */
export const events = {
  ...performanceEvents,
  ...syncEvents,
  ...printingEvents,
  ...salesEvents,
  ...staffEvents,
  ...windowEvents,
  ...backupEvents,
  ...exportEvents,
} satisfies Record<string, EventDef>;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type Events = typeof events;
export type EventName = keyof Events;

export type InputOf<K extends ProcedureName> = z.input<Procedures[K]['input']>;
export type ParsedInputOf<K extends ProcedureName> = z.output<Procedures[K]['input']>;
export type OutputOf<K extends ProcedureName> = z.output<Procedures[K]['output']>;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export const procedureNames = Object.keys(procedures) as ProcedureName[];
export const eventNames = Object.keys(events) as EventName[];

/**
 * The one object a screen talks to, whether it is the preload's `window.marquee` or the host
 * mode's HTTP client: a method per procedure that resolves to a `Result`, and `on` for events.
 */
export type MarqueeBridge = {
  [K in ProcedureName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
};

export * from './define.ts';
