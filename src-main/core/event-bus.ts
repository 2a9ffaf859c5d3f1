import type { EventName, PayloadOf } from '../../src-shared/contract/index.ts';

export type EventListener = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;

/**
 * The core announces changes here; each transport (Electron windows, host-mode WebSockets)
 * subscribes once and forwards to its screens. A failing listener never breaks a sale.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error(`[marquee] event listener for ${event} failed`, error);
      }
    }
  }
}
