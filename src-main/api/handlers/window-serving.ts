import type { WindowServingStatus } from '../../../src-shared/contract/window-serving.ts';
import { recordAudit } from '../../admin/audit-trail.ts';
import type { WindowServing } from '../../app/serve-windows.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { actorOf } from '../actor-of.ts';
import type { Handlers } from '../dispatcher.ts';

/** Host mode, and a desktop started without the switch (tests): nothing to turn on here. */
const NOT_HERE: WindowServingStatus = {
  available: false,
  serving: false,
  addresses: [],
  fingerprint: null,
  port: null,
  problem: 'This box office is not a desktop app: host mode already serves every window.',
};

/** Manage → Windows's "Serve other windows" switch; turning it is audited like any change to who may sell. */
export function windowServingHandlers(office: BoxOffice, serving: WindowServing | null): Pick<Handlers, 'getWindowServing' | 'setWindowServing'> {
  return {
    getWindowServing: () => serving?.status() ?? NOT_HERE,
    setWindowServing: async (input, ctx) => {
      if (!serving) return NOT_HERE;
      const status = input.on ? await serving.start() : await serving.stop();
      recordAudit(office.records, office.clock.now(), actorOf(ctx), input.on ? 'window.serving-on' : 'window.serving-off', { addresses: status.addresses, fingerprint: status.fingerprint });
      office.bus.emit('windowsChanged', {});
      return status;
    },
  };
}
