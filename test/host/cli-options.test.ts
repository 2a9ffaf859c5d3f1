import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PORT, parseHostCli } from '../../src-main/host/cli-options.ts';

describe('host mode command line', () => {
  it('defaults to loopback, the default port and the home data folder', () => {
    expect(parseHostCli([], {})).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      lan: false,
      dataDir: join(homedir(), '.marquee', 'host'),
      demo: false,
      stationName: 'Host station',
    });
  });

  it('takes the port and data dir from flags over the environment', () => {
    const options = parseHostCli(['--port', '6001', '--data-dir', 'here', '--demo'], { MARQUEE_PORT: '7000', MARQUEE_DATA_DIR: '/elsewhere' });
    expect(options).toMatchObject({ port: 6001, dataDir: resolve('here'), demo: true });
    expect(parseHostCli([], { MARQUEE_PORT: '7000', MARQUEE_DATA_DIR: '/elsewhere' })).toMatchObject({ port: 7000, dataDir: '/elsewhere' });
  });

  it('refuses another address without --lan, and accepts it with', () => {
    expect(() => parseHostCli(['--host', '0.0.0.0'], {})).toThrow(/add --lan/);
    expect(parseHostCli(['--host', '0.0.0.0', '--lan'], {})).toMatchObject({ host: '0.0.0.0', lan: true });
  });

  it('says what is wrong with a bad port or an unknown flag', () => {
    expect(() => parseHostCli(['--port', 'eighty'], {})).toThrow("--port must be a number from 0 to 65535, not 'eighty'.");
    expect(() => parseHostCli(['--colour'], {})).toThrow(/colour/);
  });
});
