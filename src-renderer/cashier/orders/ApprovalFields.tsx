import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';

export interface ApprovalDraft {
  staffId: string;
  pin: string;
}

interface Props {
  value: ApprovalDraft;
  onChange(value: ApprovalDraft): void;
}

/** A manager approves at the cashier's window with their own PIN; the core checks it, not the screen. */
export function ApprovalFields({ value, onChange }: Props) {
  const staff = useAsync(() => call('listStaff', {}), []);
  const managers = (staff.data ?? []).filter((s) => s.role !== 'cashier');
  return (
    <fieldset className="approval" data-testid="approval">
      <legend>Manager approval</legend>
      <label>
        Manager
        <select value={value.staffId} onChange={(e) => onChange({ ...value, staffId: e.target.value })} data-testid="approval-manager">
          <option value="">Choose…</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Their PIN
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={value.pin}
          onChange={(e) => onChange({ ...value, pin: e.target.value.replace(/\D/g, '').slice(0, 8) })}
          data-testid="approval-pin"
        />
      </label>
    </fieldset>
  );
}
