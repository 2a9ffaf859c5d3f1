import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { createHttpBridge, type HttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import { runHostCli, type HostCliRun } from '../helpers/host-cli.ts';
import { seatedPerformances, sell } from '../helpers/sales.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { bridgeCall, contractCalls } from '../helpers/window.ts';

const run = promisify(execFile);
const undo: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});

/** `npm run backup|restore` as its own process. */
async function command(...args: string[]): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, [join(sourceRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(sourceRoot, 'scripts', 'backup-command.ts'), ...args], { cwd: sourceRoot });
  return stdout + stderr;
}

describe('npm run restore beside a running host', () => {
  it('the host notices the restore made by another process and tells its windows to reload; selling goes on', async () => {
    const dataDir = makeTempDir('marquee-restore-beside-');
    undo.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const host: HostCliRun = await runHostCli(['--data-dir', dataDir, '--demo'], /Open (http:\S+) in a browser/, 60_000);
    undo.push(() => host.stop());
    const url = /Open (http:\S+) in a browser/.exec(host.output)![1]!;

    const bridge: HttpBridge = createHttpBridge(url, { windowName: 'Till', WebSocket: WebSocket as unknown as WebSocketCtor });
    undo.push(() => bridge.close());
    const window = contractCalls(bridgeCall(bridge));
    const manager = (await window.call('listStaff', {})).find((s) => s.name === 'Morgan Hale')!;
    await window.call('signIn', { staffId: manager.id, pin: '2468' });
    const restored: string[] = [];
    bridge.on('boxOfficeRestored', ({ stem }) => restored.push(stem));
    const [show] = await seatedPerformances(window);

    await sell(window, show!.id, 2);
    const made = await command('backup', '--data-dir', dataDir);
    const stem = /Backup (\S+) made/.exec(made)![1]!;
    const after = await sell(window, show!.id, 3);

    const out = await command('restore', join(dataDir, 'backups', `${stem}.manifest.json`), '--data-dir', dataDir);
    expect(out).toMatch(/Restored /);
    // The host's file watch runs every second.
    await expect.poll(() => restored, { timeout: 15_000, interval: 200 }).toEqual([stem]);
    expect(host.output).toMatch(new RegExp(`the backup ${stem} was restored into this data folder by another process`));

    // The host serves the restored rows: the sale made after the backup is gone, and it sells again.
    expect((await window.fail('getOrder', { orderId: after.order.id })).code).toBe('NOT_FOUND');
    const again = await sell(window, show!.id, 1);
    expect(again.tickets).toHaveLength(1);
  }, 180_000);
});
