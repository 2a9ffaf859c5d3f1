import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PORT, HOST_USAGE, parseHostCli } from '../../src-main/host/cli-options.ts';

describe('host mode command line', () => {
  it('defaults to loopback, the default port and the home data folder', () => {
    expect(parseHostCli([], {})).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      lan: false,
      dataDir: join(homedir(), '.marquee', 'host'),
      demo: false,
      stationName: 'Host station',
      tlsCert: null,
      tlsKey: null,
      names: [],
      logFile: null,
      logMaxBytes: 10 * 1024 * 1024,
      logKeep: 5,
    });
  });

  it('takes a log file with its rotation size and count, and refuses a size it cannot read', () => {
    expect(parseHostCli(['--log-file', 'host.log', '--log-max-size', '512k', '--log-keep', '2'], {})).toMatchObject({ logFile: resolve('host.log'), logMaxBytes: 512 * 1024, logKeep: 2 });
    expect(parseHostCli([], { MARQUEE_LOG_FILE: '/var/log/marquee/host.log' }).logFile).toBe('/var/log/marquee/host.log');
    expect(() => parseHostCli(['--log-max-size', 'big'], {})).toThrow("--log-max-size must be a size of at least 1k, such as 10M or 512k, not 'big'.");
    expect(() => parseHostCli(['--log-keep', 'many'], {})).toThrow('--log-keep must be a number from 0 to 100');
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

  it('takes the venue certificate and key only together and only with --lan', () => {
    expect(parseHostCli(['--host', '0.0.0.0', '--lan', '--tls-cert', 'venue.pem', '--tls-key', 'venue.key'], {})).toMatchObject({
      lan: true,
      tlsCert: 'venue.pem',
      tlsKey: 'venue.key',
    });
    expect(() => parseHostCli(['--host', '0.0.0.0', '--lan', '--tls-cert', 'venue.pem'], {})).toThrow(
      'Give both --tls-cert and --tls-key, or neither to let Marquee make its own certificate.',
    );
    expect(() => parseHostCli(['--tls-cert', 'venue.pem', '--tls-key', 'venue.key'], {})).toThrow(/are for --lan/);
  });

  it('takes more names for the host with --lan, and refuses what is no name', () => {
    expect(parseHostCli(['--host', '0.0.0.0', '--lan', '--name', 'BoxOffice.local', '--name', '192.0.2.7'], {}).names).toEqual(['boxoffice.local', '192.0.2.7']);
    expect(() => parseHostCli(['--name', 'boxoffice.local'], {})).toThrow(/--name is for --lan/);
    expect(() => parseHostCli(['--host', '0.0.0.0', '--lan', '--name', 'evil.example/x'], {})).toThrow('--name evil.example/x is not a host name or an address.');
  });

  it('explains HTTPS on the network in the usage text', () => {
    expect(() => parseHostCli(['--help'], {})).toThrow(HOST_USAGE);
    expect(HOST_USAGE).toMatch(/--tls-cert FILE/);
    expect(HOST_USAGE).toMatch(/--tls-key FILE/);
    expect(HOST_USAGE).toMatch(/HTTPS only/);
  });

  it('says what is wrong with a bad port or an unknown flag', () => {
    expect(() => parseHostCli(['--port', 'eighty'], {})).toThrow("--port must be a number from 0 to 65535, not 'eighty'.");
    expect(() => parseHostCli(['--colour'], {})).toThrow(/colour/);
  });
});
