import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keeps the central server's password out of preferences; Electron and host mode differ. */
export interface SecretStore {
  getPassword(): string | null;
  setPassword(password: string | null): void;
}

const SECRET_FILE = 'central-sync.secret';

/**
 * Host mode has no OS keychain to lean on, so the password sits in a file only the owner of the
 * data folder can read (0600), written whole through a rename so a crash never leaves half of it.
 */
export class FileSecretStore implements SecretStore {
  readonly file: string;

  constructor(dataDir: string, fileName = SECRET_FILE) {
    this.file = join(dataDir, fileName);
  }

  getPassword(): string | null {
    if (!existsSync(this.file)) return null;
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { password?: unknown };
    return typeof parsed.password === 'string' ? parsed.password : null;
  }

  setPassword(password: string | null): void {
    if (password === null) {
      rmSync(this.file, { force: true });
      return;
    }
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ password }), { mode: 0o600 });
    // The umask can only remove bits, but a pre-existing temp file keeps its old mode: set it.
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }
}

/** For tests and for a password typed in only for this session. */
export class MemorySecretStore implements SecretStore {
  constructor(private password: string | null = null) {}
  getPassword(): string | null {
    return this.password;
  }
  setPassword(password: string | null): void {
    this.password = password;
  }
}
