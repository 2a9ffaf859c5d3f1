import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, Field, useAction } from '../../kit/admin-form.tsx';

type Member = OutputOf<'listAllStaff'>[number];
type Role = Member['role'];
const ROLES: Role[] = ['cashier', 'manager', 'admin'];

function pinRange(min: number): string {
  return min >= 8 ? 'exactly 8 digits' : `${min} to 8 digits`;
}

/**
 * Add and disable staff, change roles, reset PINs. The core decides who may do which. Wrong PINs
 * slow down the window they were typed at, never the member, so there is no lock-out to show here
 * (Manage → Windows lifts a window's sign-in pause).
 */
export function StaffScreen({ staff: me }: ScreenProps) {
  const members = useAsync(() => call('listAllStaff', {}), []);
  const settings = useAsync(() => call('getSettings', {}), []);
  // The core refuses a shorter PIN with a sentence; the label says the rule before anyone tries.
  const pinRule = `PIN (${pinRange(settings.data?.settings.minPinLength ?? 4)})`;
  const [form, setForm] = useState({ name: '', role: 'cashier' as Role, pin: '' });
  const [pinFor, setPinFor] = useState<Member | null>(null);
  const [newPin, setNewPin] = useState('');
  const action = useAction();

  async function add() {
    const r = await action.run(() => call('addStaff', form), (m) => `Added ${m.name} as ${m.role}.`);
    if (r) {
      setForm({ name: '', role: 'cashier', pin: '' });
      members.reload();
    }
  }

  async function update(m: Member, changes: { role?: Role; active?: boolean }) {
    const r = await action.run(() => call('updateStaff', { staffId: m.id, ...changes }), (u) => `${u.name}: ${u.active ? u.role : 'disabled'}.`);
    if (r) members.reload();
  }

  async function resetPin() {
    if (!pinFor) return;
    const r = await action.run(() => call('resetStaffPin', { staffId: pinFor.id, pin: newPin }), (m) => `${m.name} has a new PIN.`);
    if (r) {
      setPinFor(null);
      setNewPin('');
      members.reload();
    }
  }

  return (
    <section className="admin" data-testid="staff-screen">
      <div className="toolbar">
        <h1>Staff</h1>
      </div>
      <Feedback error={action.error} done={action.done} />
      <div className="admin-card">
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.data?.map((m) => (
              <tr key={m.id} data-testid="staff-row" data-staff-name={m.name}>
                <td>
                  {m.name}
                  {m.id === me.id && <small className="muted"> (you)</small>}
                </td>
                <td>
                  <select value={m.role} aria-label={`Role of ${m.name}`} disabled={!m.active} onChange={(e) => void update(m, { role: e.target.value as Role })} data-testid="staff-role">
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td data-testid="staff-status">
                  {m.active ? 'Active' : 'Disabled'}
                </td>
                <td>
                  <div className="admin-actions">
                    <button type="button" onClick={() => setPinFor(m)} disabled={!m.active} data-testid="staff-reset-pin">
                      Reset PIN
                    </button>
                    {m.active ? (
                      <button type="button" className="admin-danger" onClick={() => void update(m, { active: false })} data-testid="staff-disable">
                        Disable
                      </button>
                    ) : (
                      <button type="button" onClick={() => void update(m, { active: true })} data-testid="staff-enable">
                        Enable
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pinFor && (
        <form
          className="admin-card"
          onSubmit={(e) => {
            e.preventDefault();
            void resetPin();
          }}
          data-testid="reset-pin-form"
        >
          <h2>New PIN for {pinFor.name}</h2>
          <div className="admin-form">
            <Field label={`New ${pinRule}`}>
              <input type="password" inputMode="numeric" autoComplete="off" value={newPin} onChange={(e) => setNewPin(e.target.value)} autoFocus data-testid="reset-pin-input" />
            </Field>
            <div className="admin-actions">
              <button type="submit" className="primary" data-testid="reset-pin-save">
                Set PIN
              </button>
              <button type="button" onClick={() => setPinFor(null)}>
                Cancel
              </button>
            </div>
          </div>
        </form>
      )}
      <form
        className="admin-card"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h2>Add a staff member</h2>
        <div className="admin-form">
          <Field label="Name">
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required data-testid="staff-name" />
          </Field>
          <Field label="Role">
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} data-testid="staff-new-role">
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </Field>
          <Field label={pinRule}>
            <input type="password" inputMode="numeric" autoComplete="off" value={form.pin} onChange={(e) => setForm({ ...form, pin: e.target.value })} required data-testid="staff-pin" />
          </Field>
          <div className="admin-actions">
            <button type="submit" className="primary" disabled={action.busy} data-testid="staff-add">
              Add staff member
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
