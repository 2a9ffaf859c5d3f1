import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { EmptyInput, InstantSchema } from './common.ts';

/**
 * Backups, restores and the ledger check (docs/backups.md). A backup is named by its stem (the
 * time it was made and why), never by a path: the host decides where copies are; a window only
 * picks one of those it was shown.
 */

export const BackupStemSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z-]+$/, 'must be the name of a backup from the list');

const ReasonSchema = z.enum(['manual', 'nightly', 'interval', 'before-migration', 'before-restore', 'command-line']);

/** What a database (or a copy of it) holds, as a restore preview shows it. */
export const HoldingsSchema = z.object({
  orders: z.number().int(),
  tickets: z.number().int(),
  ledgerRows: z.number().int(),
  lastLedgerSeq: z.number().int(),
  lastSaleAt: InstantSchema.nullable(),
});

export const BackupEntrySchema = HoldingsSchema.extend({
  stem: BackupStemSchema,
  madeAt: InstantSchema,
  reason: ReasonSchema,
  bytes: z.number().int(),
  /** Whether the second folder holds this backup too. */
  inSecondFolder: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

/** Whether this window may sell, in a sentence when it may not; what the status strip shows. */
export const DataStatusSchema = z.object({
  sellingStopped: z.boolean(),
  sentence: z.string().nullable(),
  /** A backup problem to show before it matters (disk nearly full, second folder missing); null when none. */
  backupWarning: z.string().nullable(),
});
export type DataStatus = z.infer<typeof DataStatusSchema>;

export const BackupProgressSchema = z.object({
  reason: ReasonSchema,
  phase: z.enum(['copying', 'checking', 'compressing', 'second-folder', 'pruning', 'done']),
  fraction: z.number().min(0).max(1),
});

export type BackupProgressView = z.infer<typeof BackupProgressSchema>;

const copies = (what: string, max: number) => z.number().int(`${what} is a whole number of copies`).max(max, `${what} is at most ${max} copies`);

export const BackupSettingsSchema = z.object({
  everyHours: z.number().int('the hours between backups are a whole number').min(0, 'the hours between backups cannot be negative (0 turns them off)').max(24, 'back up at least once a day while selling (at most 24 hours apart)'),
  nightlyAfterMinutes: z.number().int('the nightly delay is a whole number of minutes').min(0, 'the nightly delay cannot be negative').max(720, 'the nightly delay is at most 720 minutes (12 hours)'),
  keepToday: copies("today's copies", 100).min(1, "keep at least one of today's copies"),
  keepDaily: copies('daily copies', 366).min(0, 'daily copies cannot be negative'),
  keepWeekly: copies('weekly copies', 260).min(0, 'weekly copies cannot be negative'),
  keepMonthly: copies('monthly copies', 240).min(0, 'monthly copies cannot be negative'),
  /** A folder on the host (a USB stick, a network share) that gets each copy too; '' for none. */
  secondFolder: z
    .string()
    .max(1000, 'the second folder is at most 1000 characters')
    .refine((f) => f.trim() === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f.trim()), 'the second folder must be a full path (starting with / or a drive letter), or empty for none'),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export const BackupStatusSchema = z.object({
  data: DataStatusSchema,
  running: BackupProgressSchema.nullable(),
  last: BackupEntrySchema.nullable(),
  /** Where copies go on the host, shown to managers so they can take one off the machine. */
  folder: z.string(),
  secondFolder: z.object({ folder: z.string(), problem: z.string().nullable() }).nullable(),
  space: z.object({ state: z.enum(['ok', 'low', 'too-little', 'unknown']), freeBytes: z.number().nullable(), sentence: z.string().nullable() }),
  lastProblem: z.string().nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

export const LedgerVerificationSchema = z.object({
  checkedAt: InstantSchema,
  ledgerRows: z.number().int(),
  lastLedgerSeq: z.number().int(),
  /** Every row that differs from its ledger replay (at most 200 listed), and how many there are. */
  differences: z.array(z.string()),
  differenceCount: z.number().int(),
});

export const RestorePreviewSchema = z.object({
  copy: BackupEntrySchema,
  live: HoldingsSchema,
  /** 'older': the copy will be brought up to this version's schema as it is restored. */
  schema: z.enum(['same', 'older']),
  /** The copy was made by another box office installation: a manager must confirm. */
  otherInstallation: z.boolean(),
});

const RestoreInput = z
  .object({
    stem: BackupStemSchema,
    /** Required when the copy comes from another installation. */
    confirmOtherInstallation: z.boolean().optional(),
  })
  .strict();

export const RestoreResultSchema = z.object({
  restored: BackupStemSchema,
  /** The copy of the live database taken just before; restore it to undo. */
  safetyCopy: BackupStemSchema.nullable(),
  verification: LedgerVerificationSchema,
  /** Selling stays stopped until Marquee restarts (the restored file was put back in place of a lost one). */
  restartNeeded: z.boolean(),
});

export const StartupRecoverySchema = z.object({
  lost: z.boolean(),
  sentence: z.string().nullable(),
  latest: BackupEntrySchema.nullable(),
});

export const backupProcedures = {
  getDataStatus: defineProcedure({
    channel: 'bo:backups:data-status',
    access: 'cashier',
    summary: 'Whether selling is stopped because the data was lost, replaced or is being restored, and any backup warning.',
    input: EmptyInput,
    output: DataStatusSchema,
  }),
  getBackupStatus: defineProcedure({
    channel: 'bo:backups:status',
    access: 'manager',
    summary: 'The last backup, one in progress, free space, the second folder.',
    input: EmptyInput,
    output: BackupStatusSchema,
  }),
  listBackups: defineProcedure({
    channel: 'bo:backups:list',
    access: 'manager',
    summary: 'The backups kept, newest first, with what each holds.',
    input: EmptyInput,
    output: z.array(BackupEntrySchema),
  }),
  backupNow: defineProcedure({
    channel: 'bo:backups:backup-now',
    access: 'manager',
    summary: 'Take a backup now while selling goes on (progress arrives as backupProgress events).',
    input: EmptyInput,
    output: z.object({ backup: BackupEntrySchema, secondFolderProblem: z.string().nullable(), pruned: z.number().int() }),
  }),
  previewRestore: defineProcedure({
    channel: 'bo:backups:preview-restore',
    access: 'manager',
    summary: 'What a backup holds beside what the live database holds, after proving the copy.',
    input: z.object({ stem: BackupStemSchema }).strict(),
    output: RestorePreviewSchema,
  }),
  restoreBackup: defineProcedure({
    channel: 'bo:backups:restore',
    access: 'manager',
    summary: 'Restore a backup: a safety copy first, selling paused, every window reloaded, the ledger verified.',
    input: RestoreInput,
    output: RestoreResultSchema,
  }),
  verifyLedger: defineProcedure({
    channel: 'bo:backups:verify-ledger',
    access: 'manager',
    summary: 'Replay the ledger and name every order, ticket, payment or unit that differs from it.',
    input: EmptyInput,
    output: LedgerVerificationSchema,
  }),
  getBackupSettings: defineProcedure({
    channel: 'bo:backups:settings',
    access: 'manager',
    summary: 'The backup schedule, retention and second folder.',
    input: EmptyInput,
    output: BackupSettingsSchema,
  }),
  saveBackupSettings: defineProcedure({
    channel: 'bo:backups:save-settings',
    access: 'manager',
    summary: 'Change the backup schedule, retention or second folder.',
    input: BackupSettingsSchema.strict(),
    output: BackupSettingsSchema,
  }),
  getStartupRecovery: defineProcedure({
    channel: 'bo:backups:startup-recovery',
    access: 'setup',
    summary: 'At first start: whether the records look lost (empty beside a used station or backups), and the latest good copy.',
    input: EmptyInput,
    output: StartupRecoverySchema,
  }),
  restoreAtStartup: defineProcedure({
    channel: 'bo:backups:restore-at-startup',
    access: 'setup',
    summary: 'Restore the latest good backup into a box office whose records were lost.',
    input: RestoreInput,
    output: RestoreResultSchema,
  }),
};

export const backupEvents = {
  backupProgress: defineEvent({
    channel: 'bo-event:backup-progress',
    access: 'manager',
    summary: 'A backup in progress moved on; the Backups screen draws its bar.',
    payload: BackupProgressSchema,
  }),
  backupStatusChanged: defineEvent({
    channel: 'bo-event:backup-status-changed',
    access: 'manager',
    summary: 'A backup finished or failed, or the folders changed; the Backups screen reloads.',
    payload: z.object({}),
  }),
  dataStatusChanged: defineEvent({
    channel: 'bo-event:data-status-changed',
    access: 'cashier',
    summary: 'Selling stopped or resumed (data lost, replaced, being restored), or a backup warning; the status strip shows it.',
    payload: DataStatusSchema,
  }),
  boxOfficeRestored: defineEvent({
    channel: 'bo-event:box-office-restored',
    access: 'cashier',
    summary: 'A backup was restored: every window reloads to show the restored box office.',
    payload: z.object({ stem: BackupStemSchema }),
  }),
};
