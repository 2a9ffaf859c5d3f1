import type { OutputOf } from '../../../src-shared/contract/index.ts';

export type SeatMap = OutputOf<'getSeatMap'>;
export type PriceBand = OutputOf<'listPriceBands'>[number];
export type Sale = OutputOf<'bookSeats'>;
export type Reservation = OutputOf<'reserveSeats'>;
export type PrintOutcome = Sale['print'];

/** One place in the basket: a seat of the map or a general-admission place. */
export interface BasketItem {
  unitId: number;
  label: string;
  category: string;
  areaId: string | null;
}

export interface Tender {
  method: 'cash' | 'card' | 'voucher' | 'complimentary';
  amountMinor: number;
  tenderedMinor?: number;
  reference?: string;
}

/** The sell screen's keys, shown beside the buttons and listed in docs/cashier.md. */
export const KEYS = {
  search: '/',
  open: 'Enter',
  best: '1–9',
  focusMap: 'S',
  moveSeat: '← ↑ → ↓',
  takeSeat: 'Space / Enter',
  zoomIn: '+',
  zoomOut: '−',
  zoomFit: '0',
  extend: 'X',
  clear: 'Delete',
  cashExact: 'E',
  card: 'C',
  voucher: 'V',
  reserve: 'R',
  retryPrint: 'P',
  tendered: 'T',
  newSale: 'N',
  back: 'Esc',
} as const;
