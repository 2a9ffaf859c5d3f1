import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { SecretStore } from './secret-store.ts';

/** The part of Electron's `safeStorage` this store needs; injected so this file never imports electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const SAFE_STORAGE_FILE = 'central-sync.secret.enc';

/**
 * The desktop app's store: the OS keychain (DPAPI, Keychain, libsecret) encrypts the password and
 * only the ciphertext touches the disk, in a file readable by its owner alone.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly file: string;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    dataDir: string,
    fileName = SAFE_STORAGE_FILE,
  ) {
    this.file = join(dataDir, fileName);
  }

  getPassword(): string | null {
    if (!existsSync(this.file)) return null;
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new MarqueeError('SYNC_FAILED', "This computer's secure storage is locked, so the central server's password cannot be read.");
    }
    return this.safeStorage.decryptString(readFileSync(this.file));
  }

  setPassword(password: string | null): void {
    if (password === null) {
      rmSync(this.file, { force: true });
      return;
    }
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new MarqueeError('SYNC_FAILED', 'This computer offers no secure storage, so the password cannot be saved; use host mode or set up the keychain.');
    }
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, this.safeStorage.encryptString(password), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }
}
