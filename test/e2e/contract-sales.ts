import WebSocket from 'ws';
import { createHttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import type { MarqueeBridge } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/errors.ts';

/** A box-office window driven from the test through the contract, as another station would be. */
export async function contractStation(url: string, staffName: string, pin: string): Promise<MarqueeBridge & { close(): void }> {
  const bridge = createHttpBridge(url, { windowName: 'Test window', WebSocket: WebSocket as unknown as WebSocketCtor });
  const staff = ok(await bridge.listStaff({}));
  const member = staff.find((s) => s.name === staffName);
  if (!member) throw new Error(`No staff member called ${staffName}`);
  ok(await bridge.signIn({ staffId: member.id, pin }));
  return bridge;
}

export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Sells `quantity` best-available Adult seats of a category for cash, as a counter sale would. */
export async function sellAdults(bridge: MarqueeBridge, performanceId: string, quantity: number, category: string) {
  const hold = ok(await bridge.holdBestAvailable({ performanceId, quantity, category }));
  const bands = ok(await bridge.listPriceBands({ performanceId }));
  const adult = bands.find((b) => b.name === 'Adult' && (b.category === category || b.category === null));
  if (!adult) throw new Error(`No Adult price for ${category}`);
  const total = adult.priceMinor * quantity;
  return ok(
    await bridge.bookSeats({
      holdId: hold.holdId,
      lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: adult.id })),
      payments: [{ method: 'cash', amountMinor: total, tenderedMinor: total }],
    }),
  );
}
