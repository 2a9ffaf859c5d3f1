import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportRequestInput } from '../../src-shared/contract/exports.ts';
import { openExportBoxOffice, type ExportBoxOffice } from './export-fixture.ts';

let box: ExportBoxOffice;
beforeAll(async () => {
  box = await openExportBoxOffice();
});
afterAll(() => box.counter.dispose());

const request = (kind: ExportRequestInput['kind'] = 'orders-csv'): ExportRequestInput => ({ kind, filters: { from: box.day, to: box.day } });

it('runs exports one at a time, first come first served', async () => {
  const { till, running } = box.counter;
  const ids: string[] = [];
  for (const kind of ['workbook-xlsx', 'orders-csv', 'attendees-csv'] as const) ids.push((await till.call('startExport', request(kind))).id);
  await running.exports.idle();
  const jobs = (await till.call('listExportJobs', {})).filter((j) => ids.includes(j.id)).reverse();
  expect(jobs.map((j) => j.id)).toEqual(ids);
  expect(jobs.every((j) => j.state === 'done' && j.progress === 1)).toBe(true);
  for (let i = 1; i < jobs.length; i++) expect(jobs[i]!.startedAt!).toBeGreaterThanOrEqual(jobs[i - 1]!.finishedAt!);
});

it('cancels a waiting export before it runs, and says so when there is nothing left to cancel', async () => {
  const { till, running } = box.counter;
  await till.call('startExport', request('workbook-xlsx'));
  const second = await till.call('startExport', request());
  const cancelled = await till.call('cancelExport', { jobId: second.id });
  expect(cancelled.state).toBe('cancelled');
  await running.exports.idle();
  const after = (await till.call('listExportJobs', {})).find((j) => j.id === second.id)!;
  expect(after.state).toBe('cancelled');
  expect(after.startedAt).toBeNull();
  const again = await till.fail('cancelExport', { jobId: second.id });
  expect(again.code).toBe('CONFLICT');
  expect(again.message).toContain('nothing to cancel');
});

it('saves export settings under a name, replaces them by name, reruns and deletes them', async () => {
  const { till, running } = box.counter;
  const saved = await till.call('saveExportSetting', { name: 'Accounts', request: { ...request(), filters: { ...request().filters, basis: 'payment' }, columns: ['orderNumber', 'total'] } });
  expect(saved.request.columns).toEqual(['orderNumber', 'total']);
  const replaced = await till.call('saveExportSetting', { name: 'Accounts', request: { ...request(), columns: ['total'] } });
  const list = await till.call('listExportSettings', {});
  expect(list.filter((s) => s.name === 'Accounts')).toHaveLength(1);
  expect(list.find((s) => s.name === 'Accounts')!.request.columns).toEqual(['total']);
  const job = await till.call('rerunExportSetting', { settingId: replaced.id });
  expect(job.request.columns).toEqual(['total']);
  await running.exports.idle();
  expect((await till.call('deleteExportSetting', { settingId: replaced.id })).deleted).toBe(true);
  expect((await till.fail('deleteExportSetting', { settingId: replaced.id })).code).toBe('NOT_FOUND');
  expect((await till.fail('saveExportSetting', { name: '  ', request: request() })).message).toContain('give the saved export a name');
});

it('is for managers: a cashier is refused', async () => {
  const { counter } = box;
  await counter.signInAs('cashier');
  try {
    expect((await counter.till.fail('startExport', request())).code).toBe('FORBIDDEN');
    expect((await counter.till.fail('listExportJobs', {})).code).toBe('FORBIDDEN');
  } finally {
    await counter.signInAs('manager');
  }
});
