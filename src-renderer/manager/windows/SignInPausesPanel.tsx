import { call } from '../../transport/api.ts';
import type { useAction } from '../events/admin-kit.tsx';

interface Props {
  action: ReturnType<typeof useAction>;
}

/**
 * Wrong PINs pause the window (and address) they came from, not the member; a manager who knows
 * it was a slip, not someone guessing, lifts the pause here.
 */
export function SignInPausesPanel({ action }: Props) {
  async function clearAll() {
    await action.run(
      () => call('clearSignInPause', {}),
      (r) => (r.cleared === 0 ? 'No window was paused.' : `Sign-in pauses lifted on ${r.cleared} window${r.cleared === 1 ? '' : 's'}.`),
    );
  }

  return (
    <div className="admin-card" data-testid="sign-in-pauses">
      <h2>Sign-in pauses</h2>
      <p className="muted">After several wrong PINs a window must wait before the next try. Lift the wait when you know who was typing.</p>
      <div className="admin-actions">
        <button type="button" disabled={action.busy} onClick={() => void clearAll()} data-testid="clear-sign-in-pauses">
          Clear sign-in pauses
        </button>
      </div>
    </div>
  );
}
