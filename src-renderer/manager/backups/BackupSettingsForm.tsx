import { useState } from 'react';
import type { BackupSettings } from '../../../src-shared/contract/backups.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';

const NUMBERS: { key: Exclude<keyof BackupSettings, 'secondFolder'>; label: string }[] = [
  { key: 'everyHours', label: 'Back up every (hours, while selling; 0 = off)' },
  { key: 'nightlyAfterMinutes', label: 'Nightly, minutes after the last performance starts' },
  { key: 'keepToday', label: "Keep today's last" },
  { key: 'keepDaily', label: 'Keep daily copies' },
  { key: 'keepWeekly', label: 'Keep weekly copies' },
  { key: 'keepMonthly', label: 'Keep monthly copies' },
];

/** The schedule, how many copies to keep, and the second folder. */
export function BackupSettingsForm({ settings, onSaved }: { settings: BackupSettings; onSaved(next: BackupSettings): void }) {
  const [draft, setDraft] = useState(settings);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    setMessage(null);
    try {
      const next = await call('saveBackupSettings', draft);
      onSaved(next);
      setDraft(next);
      setMessage({ ok: true, text: 'Saved.' });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };
  return (
    <form
      className="backups-panel"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Schedule and copies kept</h2>
      <div className="backups-settings">
        {NUMBERS.map(({ key, label }) => (
          <label key={key}>
            {label}
            <input type="number" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })} data-testid={`backup-setting-${key}`} />
          </label>
        ))}
        <label>
          Second folder (USB stick or network share on this computer)
          <input value={draft.secondFolder} onChange={(e) => setDraft({ ...draft, secondFolder: e.target.value })} placeholder="none" data-testid="backup-setting-secondFolder" />
        </label>
      </div>
      <div className="backups-actions">
        <button type="submit">Save</button>
      </div>
      {message && <p className={message.ok ? 'ok' : 'warn'} role="status">{message.text}</p>}
    </form>
  );
}
