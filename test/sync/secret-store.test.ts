import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { FileSecretStore } from '../../src-main/sync/secret-store.ts';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../src-main/sync/safe-storage-secret-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = makeTempDir('marquee-sync-secret-');
  dirs.push(dir);
  return dir;
}

describe('FileSecretStore (host mode)', () => {
  it('keeps the password in a file only its owner can read or write', () => {
    const store = new FileSecretStore(tempDir());
    expect(store.getPassword()).toBeNull();
    store.setPassword('s3cret pässword');
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(store.getPassword()).toBe('s3cret pässword');
    store.setPassword('changed');
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(new FileSecretStore(store.file.replace(/\/[^/]+$/, '')).getPassword()).toBe('changed');
    store.setPassword(null);
    expect(store.getPassword()).toBeNull();
  });
});

/** Electron cannot run here: an AES key in memory plays the OS keychain behind safeStorage. */
function keychain(available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('SafeStorageSecretStore (desktop)', () => {
  it('writes only ciphertext, owner-only, and reads it back', () => {
    const store = new SafeStorageSecretStore(keychain(), tempDir());
    store.setPassword('hunter2-central');
    expect(readFileSync(store.file).includes(Buffer.from('hunter2-central'))).toBe(false);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(store.getPassword()).toBe('hunter2-central');
    store.setPassword(null);
    expect(store.getPassword()).toBeNull();
  });

  it('refuses to store a password when the computer offers no secure storage', () => {
    const store = new SafeStorageSecretStore(keychain(false), tempDir());
    expect(() => store.setPassword('x')).toThrow(/no secure storage/);
  });
});
