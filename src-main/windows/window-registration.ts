import { MarqueeError } from '../../src-shared/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { PairedWindows, WindowStanding } from './paired-windows.ts';
import { SlidingLimit } from './sliding-limit.ts';

/**
 * How many registrations are let through. Each one adds a station row and a window row, so a
 * flood of them must not fill the database: windows on this computer are limited all together
 * (they all come from 127.0.0.1), windows from elsewhere per address and in total, and the
 * requests waiting for a manager are capped (they expire after ten minutes).
 */
export interface RegistrationLimits {
  /** Windows on this computer registered in any minute. A browser registers once per profile. */
  localPerMinute: number;
  /** Registrations from one other address in any ten minutes. */
  lanPerAddressPer10Min: number;
  /** Registrations from all other addresses in any ten minutes. */
  lanPer10Min: number;
  /** Requests waiting for a manager from one address. */
  pendingPerAddress: number;
  /** Requests waiting for a manager in all. */
  pendingTotal: number;
}

export const DEFAULT_REGISTRATION_LIMITS: RegistrationLimits = {
  localPerMinute: 60,
  lanPerAddressPer10Min: 5,
  lanPer10Min: 60,
  pendingPerAddress: 3,
  pendingTotal: 20,
};

const MINUTE = 60_000;
const ALL = '*';

function slowDown(message: string): MarqueeError {
  return new MarqueeError('SLOW_DOWN', message);
}

/** The door windows come in by: limits first, then the registration itself. */
export class WindowRegistration {
  private readonly local: SlidingLimit;
  private readonly lanByAddress: SlidingLimit;
  private readonly lanTotal: SlidingLimit;

  constructor(
    private readonly windows: PairedWindows,
    private readonly clock: Clock,
    private readonly limits: RegistrationLimits = DEFAULT_REGISTRATION_LIMITS,
  ) {
    this.local = new SlidingLimit(limits.localPerMinute, MINUTE);
    this.lanByAddress = new SlidingLimit(limits.lanPerAddressPer10Min, 10 * MINUTE);
    this.lanTotal = new SlidingLimit(limits.lanPer10Min, 10 * MINUTE);
  }

  /** Throws SLOW_DOWN (nothing written) when a limit is reached. */
  register(request: { local: boolean; address: string; name: unknown }): { token: string; standing: WindowStanding } {
    const now = this.clock.now();
    if (request.local) {
      if (!this.local.allows(ALL, now)) throw slowDown('Too many new windows were opened on this computer in the last minute; wait a minute and reload.');
      this.local.admit(ALL, now);
      return this.windows.register({ kind: 'local', name: request.name, address: request.address });
    }
    this.windows.pruneExpired();
    if (!this.lanByAddress.allows(request.address, now) || this.windows.countPending(request.address) >= this.limits.pendingPerAddress) {
      throw slowDown('This computer has asked to be paired too often; wait ten minutes, or ask a manager to approve the code already shown.');
    }
    if (!this.lanTotal.allows(ALL, now) || this.windows.countPending() >= this.limits.pendingTotal) {
      throw slowDown('Too many windows are waiting to be paired; ask a manager to approve or refuse them, then try again in a few minutes.');
    }
    this.lanByAddress.admit(request.address, now);
    this.lanTotal.admit(ALL, now);
    return this.windows.register({ kind: 'lan', name: request.name, address: request.address });
  }
}
