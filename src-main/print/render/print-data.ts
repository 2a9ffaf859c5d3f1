/**
 * What a layout's placeholders can read: one shape per kind of document. Money is integer minor
 * units, instants epoch ms; `venue` carries the locale, time zone and currency they print in.
 */
export type LayoutKind = 'ticket' | 'receipt' | 'reservation' | 'cash-up';
export const layoutKinds: readonly LayoutKind[] = ['ticket', 'receipt', 'reservation', 'cash-up'];

export interface VenuePrintData {
  name: string;
  address: string;
  taxNumber: string;
  /** BCP 47, e.g. en-GB; dates and money are written the venue's way. */
  locale: string;
  /** IANA zone, e.g. Europe/London: a performance prints at the venue's wall-clock time. */
  timeZone: string;
  /** ISO 4217, e.g. GBP. */
  currency: string;
}

interface Common {
  venue: VenuePrintData;
  station: { name: string };
  cashier: { name: string };
}

export interface TicketPrintData extends Common {
  kind: 'ticket';
  event: { title: string; ageRating: string };
  performance: { startsAt: number; doorsAt: number };
  seat: { section: string; row: string; number: string; label: string };
  priceBand: { name: string };
  price: number;
  ticket: { code: string; id: string };
  order: { reference: string; soldAt: number };
}

export interface ReceiptLine {
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}
export interface TaxLine {
  name: string;
  /** Written as the venue wants it, e.g. "20%". */
  rate: string;
  net: number;
  tax: number;
  gross: number;
}

export interface ReceiptPrintData extends Common {
  kind: 'receipt';
  order: { reference: string; soldAt: number; total: number; taxTotal: number; paid: number; change: number; discount: number };
  lines: ReceiptLine[];
  /**
   * The discount code the order used, or none: a list so that a layout's `repeat` prints the
   * discount line only when there is one. `amount` is what it took off, a positive number.
   */
  discounts: Array<{ code: string; amount: number }>;
  taxLines: TaxLine[];
  payments: Array<{ method: string; amount: number }>;
  /** The invoice footer from Settings, one item per line; none when the footer is empty. */
  footerLines: Array<{ text: string }>;
}

export interface ReservationSlipPrintData extends Common {
  kind: 'reservation';
  event: { title: string; ageRating: string };
  performance: { startsAt: number; doorsAt: number };
  reservation: { reference: string; name: string; expiresAt: number; total: number };
  seats: Array<{ label: string; priceBand: string; price: number }>;
}

export interface CashUpPrintData extends Common {
  kind: 'cash-up';
  cashUp: {
    from: number;
    until: number;
    printedAt: number;
    ticketsSold: number;
    ticketsRefunded: number;
    gross: number;
    refunds: number;
    net: number;
    expectedCash: number;
    countedCash: number;
    difference: number;
  };
  takings: Array<{ method: string; count: number; amount: number }>;
  taxLines: TaxLine[];
}

export type PrintData = TicketPrintData | ReceiptPrintData | ReservationSlipPrintData | CashUpPrintData;

export type FieldType = 'text' | 'money' | 'instant' | 'count';

export interface FieldCatalog {
  fields: Record<string, FieldType>;
  /** Lists a `repeat` element walks: the list's name, the name its items go by, their fields. */
  lists: Record<string, { item: string; fields: Record<string, FieldType> }>;
}

const common: Record<string, FieldType> = {
  'venue.name': 'text',
  'venue.address': 'text',
  'venue.taxNumber': 'text',
  'station.name': 'text',
  'cashier.name': 'text',
};
const eventFields: Record<string, FieldType> = {
  'event.title': 'text',
  'event.ageRating': 'text',
  'performance.startsAt': 'instant',
  'performance.doorsAt': 'instant',
};
const taxLineFields: Record<string, FieldType> = { name: 'text', rate: 'text', net: 'money', tax: 'money', gross: 'money' };

export const fieldCatalogs: Record<LayoutKind, FieldCatalog> = {
  ticket: {
    fields: {
      ...common,
      ...eventFields,
      'seat.section': 'text',
      'seat.row': 'text',
      'seat.number': 'text',
      'seat.label': 'text',
      'priceBand.name': 'text',
      price: 'money',
      'ticket.code': 'text',
      'ticket.id': 'text',
      'order.reference': 'text',
      'order.soldAt': 'instant',
    },
    lists: {},
  },
  receipt: {
    fields: {
      ...common,
      'order.reference': 'text',
      'order.soldAt': 'instant',
      'order.total': 'money',
      'order.taxTotal': 'money',
      'order.paid': 'money',
      'order.change': 'money',
      'order.discount': 'money',
    },
    lists: {
      lines: { item: 'line', fields: { description: 'text', quantity: 'count', unitPrice: 'money', amount: 'money' } },
      taxLines: { item: 'tax', fields: taxLineFields },
      payments: { item: 'payment', fields: { method: 'text', amount: 'money' } },
      discounts: { item: 'discount', fields: { code: 'text', amount: 'money' } },
      footerLines: { item: 'footer', fields: { text: 'text' } },
    },
  },
  reservation: {
    fields: {
      ...common,
      ...eventFields,
      'reservation.reference': 'text',
      'reservation.name': 'text',
      'reservation.expiresAt': 'instant',
      'reservation.total': 'money',
    },
    lists: { seats: { item: 'seat', fields: { label: 'text', priceBand: 'text', price: 'money' } } },
  },
  'cash-up': {
    fields: {
      ...common,
      'cashUp.from': 'instant',
      'cashUp.until': 'instant',
      'cashUp.printedAt': 'instant',
      'cashUp.ticketsSold': 'count',
      'cashUp.ticketsRefunded': 'count',
      'cashUp.gross': 'money',
      'cashUp.refunds': 'money',
      'cashUp.net': 'money',
      'cashUp.expectedCash': 'money',
      'cashUp.countedCash': 'money',
      'cashUp.difference': 'money',
    },
    lists: {
      takings: { item: 'taking', fields: { method: 'text', count: 'count', amount: 'money' } },
      taxLines: { item: 'tax', fields: taxLineFields },
    },
  },
};

// 19:30 on Friday 4 December 2026 in London: fixed so that previews and golden files never move.
const SHOW = Date.UTC(2026, 11, 4, 19, 30);
const SOLD = Date.UTC(2026, 10, 22, 14, 5, 12);

const sampleVenue: VenuePrintData = {
  name: 'The Marquee Playhouse',
  address: '12 Lantern Row, Bristol BS1 4XE',
  taxNumber: 'GB 123 4567 89',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  currency: 'GBP',
};
const sampleCommon = { venue: sampleVenue, station: { name: 'Box office 1' }, cashier: { name: 'Sam Ortiz' } };

/** Made-up but realistic data for previews, the layout editor and the golden tests. */
export function sampleData(kind: 'ticket'): TicketPrintData;
export function sampleData(kind: 'receipt'): ReceiptPrintData;
export function sampleData(kind: 'reservation'): ReservationSlipPrintData;
export function sampleData(kind: 'cash-up'): CashUpPrintData;
export function sampleData(kind: LayoutKind): PrintData;
export function sampleData(kind: LayoutKind): PrintData {
  switch (kind) {
    case 'ticket':
      return {
        kind,
        ...sampleCommon,
        event: { title: 'The Winter Tale', ageRating: '12+' },
        performance: { startsAt: SHOW, doorsAt: SHOW - 30 * 60_000 },
        seat: { section: 'Stalls', row: 'F', number: '14', label: 'Stalls F-14' },
        priceBand: { name: 'Adult' },
        price: 2450,
        ticket: { code: 'MQ7K2P9X4R', id: '01JDQ8Z6T3M0F4R2B7C9E1H5KX' },
        order: { reference: 'BX-40213', soldAt: SOLD },
      };
    case 'receipt':
      return {
        kind,
        ...sampleCommon,
        order: { reference: 'BX-40213', soldAt: SOLD, total: 6100, taxTotal: 1016, paid: 7000, change: 900, discount: 610 },
        lines: [
          { description: 'The Winter Tale, 4 Dec, Adult', quantity: 2, unitPrice: 2450, amount: 4900 },
          { description: 'The Winter Tale, 4 Dec, Child', quantity: 1, unitPrice: 1200, amount: 1200 },
        ],
        discounts: [{ code: 'FRIENDS10', amount: 610 }],
        taxLines: [{ name: 'VAT', rate: '20%', net: 5084, tax: 1016, gross: 6100 }],
        payments: [{ method: 'Cash', amount: 7000 }],
        footerLines: [{ text: 'Refunds up to 48 hours before the performance.' }, { text: 'Registered charity no. 1098765' }],
      };
    case 'reservation':
      return {
        kind,
        ...sampleCommon,
        event: { title: 'The Winter Tale', ageRating: '12+' },
        performance: { startsAt: SHOW, doorsAt: SHOW - 30 * 60_000 },
        reservation: { reference: 'RS-1187', name: 'Ana Lind', expiresAt: SHOW - 2 * 3_600_000, total: 4900 },
        seats: [
          { label: 'Circle B-7', priceBand: 'Adult', price: 2450 },
          { label: 'Circle B-8', priceBand: 'Adult', price: 2450 },
        ],
      };
    case 'cash-up':
      return {
        kind,
        ...sampleCommon,
        cashUp: {
          from: Date.UTC(2026, 10, 22, 9, 0),
          until: Date.UTC(2026, 10, 22, 17, 30),
          printedAt: Date.UTC(2026, 10, 22, 17, 31, 4),
          ticketsSold: 143,
          ticketsRefunded: 2,
          gross: 318_650,
          refunds: 4900,
          net: 313_750,
          expectedCash: 84_200,
          countedCash: 84_150,
          difference: -50,
        },
        takings: [
          { method: 'Cash', count: 41, amount: 84_200 },
          { method: 'Card', count: 96, amount: 224_650 },
          { method: 'Voucher', count: 6, amount: 4900 },
        ],
        taxLines: [{ name: 'VAT', rate: '20%', net: 261_458, tax: 52_292, gross: 313_750 }],
      };
  }
}
