import { describe, expect, it } from 'vitest';
import { formatCentralUrl, parseCentralUrl } from '../../src-main/sync/central-url.ts';

describe('the central server URL', () => {
  it('reads user, host, port and database', () => {
    expect(parseCentralUrl('mysql://boxoffice@central.example:3307/marquee')).toEqual({
      host: 'central.example',
      port: 3307,
      user: 'boxoffice',
      database: 'marquee',
    });
    expect(parseCentralUrl('mysql://a%40b@[::1]/db').host).toBe('::1');
    expect(parseCentralUrl('mariadb://u@h/d').port).toBe(3306);
    expect(formatCentralUrl(parseCentralUrl('mysql://a%40b@[::1]/db'))).toBe('mysql://a%40b@[::1]:3306/db');
  });

  it('refuses what it cannot use, in words', () => {
    expect(() => parseCentralUrl('mysql://u:pw@h/d')).toThrow('Leave the password out of the URL and type it in the password field instead.');
    expect(() => parseCentralUrl('postgres://u@h/d')).toThrow(/must start with mysql:\/\//);
    expect(() => parseCentralUrl('mysql://h/d')).toThrow(/names no user/);
    expect(() => parseCentralUrl('mysql://u@h/')).toThrow(/must end with the database name/);
    expect(() => parseCentralUrl('not a url')).toThrow(/is not a URL/);
  });
});
