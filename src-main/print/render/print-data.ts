/**
 * What a layout's placeholders can read: one shape per kind of document. Money is integer minor
 * units, instants epoch ms; `venue` carries the locale, time zone and currency they print in.
 */
export type LayoutKind = 'ticket' | 'receipt' | 'reservation' | 'cash-up' | 'refund';
export const layoutKinds: readonly LayoutKind[] = ['ticket', 'receipt', 'reservation', 'cash-up', 'refund'];

export interface VenuePrintData {
  name: string;
  address: string;
  taxNumber: string;
  /** The company behind the venue, as a VAT receipt must name it (Settings); empty when not set. */
  legalName: string;
  companyAddress: string;
  companyNumber: string;
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
  ticket: { code: string; id: string; printCount: number };
  order: { reference: string; soldAt: number };
  /** One item when this copy is a reprint (`count`: the how-many-th copy), none for the first print. */
  reprints: Array<{ count: number }>;
  /** The named customer the tickets were sold or collected for, one item; none for a walk-in sale. */
  customers: Array<{ name: string }>;
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
  /** `receiptNumber`: the receipt's consecutive number in the installation ('' for an order sold before numbering). */
  order: { reference: string; receiptNumber: string; soldAt: number; total: number; taxTotal: number; paid: number; change: number; discount: number };
  event: { title: string; ageRating: string };
  performance: { startsAt: number; doorsAt: number };
  lines: ReceiptLine[];
  /** The seats sold, in seat order. */
  seats: Array<{ label: string; priceBand: string; price: number }>;
  /** One item when cash was paid (what went back), none otherwise: a card receipt shows no "Change". */
  changeGiven: Array<{ amount: number }>;
  /**
   * The discount code the order used, or none: a list so that a layout's `repeat` prints the
   * discount line only when there is one. `amount` is what it took off, a positive number.
   */
  discounts: Array<{ code: string; amount: number }>;
  taxLines: TaxLine[];
  /** The seller as a VAT receipt names it: legal name, registered address, company and VAT numbers, the ones set. */
  sellerLines: Array<{ text: string }>;
  /** `reference`: the card terminal's or voucher's reference, '' when none. */
  payments: Array<{ method: string; amount: number; reference: string }>;
  /** The payments that have a reference (card, voucher), to print "Card reference A1B2C3"; none for cash. */
  paymentReferences: Array<{ method: string; reference: string }>;
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
    /** "X REPORT" (so far, nothing closed) or "Z REPORT"; `number` is the Z number, '' on an X. */
    title: string;
    number: string;
    /** What the report covers, e.g. "Window Box office 1" or "Whole venue, 2026-11-22". */
    scope: string;
    float: number;
    cashSales: number;
    cashRefunds: number;
    cashExchanges: number;
    cashIn: number;
    cashOut: number;
    card: number;
    voucher: number;
    complimentary: number;
    complimentaryTickets: number;
    exchanges: number;
    exchangeCredit: number;
    voids: number;
    voidsAmount: number;
    noSales: number;
  };
  takings: Array<{ method: string; count: number; amount: number }>;
  taxLines: TaxLine[];
  /** Sold per performance and per price band: tickets and takings after refunds. */
  performances: Array<{ title: string; startsAt: number; sold: number; amount: number }>;
  bands: Array<{ name: string; sold: number; amount: number }>;
  cashiers: Array<{ name: string; amount: number }>;
  discounts: Array<{ code: string; orders: number; amount: number }>;
  /** The reason and approving manager of a difference over the limit; none otherwise. */
  approvals: Array<{ reason: string; name: string }>;
  /** Corrections written later against a closed shift (a kept Z's reprint): + found, − missing; none otherwise. */
  corrections: Array<{ at: number; amount: number; reason: string; name: string }>;
}

/** The slip for money handed back: a refund, or an exchange for a cheaper seat. */
export interface RefundSlipPrintData extends Common {
  kind: 'refund';
  event: { title: string; ageRating: string };
  performance: { startsAt: number; doorsAt: number };
  order: { reference: string; soldAt: number };
  /** `what`: "Refund" or "Exchange"; `method` as payments name it ("Cash", "Card"). */
  refund: { what: string; at: number; amount: number; method: string; tickets: number };
  sellerLines: Array<{ text: string }>;
  /** The card or voucher reference the money went back to; none for cash. */
  paymentReferences: Array<{ method: string; reference: string }>;
  /** The tickets given back, with what each was paid. */
  seats: Array<{ label: string; priceBand: string; price: number }>;
  /** The manager who approved a refund over the cashier's limit; none when no approval was needed. */
  approvals: Array<{ name: string }>;
  /** Extra lines, e.g. the new order of an exchange; none when there is nothing to add. */
  notes: Array<{ text: string }>;
  taxLines: TaxLine[];
}

export type PrintData = TicketPrintData | ReceiptPrintData | ReservationSlipPrintData | CashUpPrintData | RefundSlipPrintData;

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
  'venue.legalName': 'text',
  'venue.companyAddress': 'text',
  'venue.companyNumber': 'text',
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
const seatListFields: Record<string, FieldType> = { label: 'text', priceBand: 'text', price: 'money' };
const sellerListFields = { item: 'seller', fields: { text: 'text' } } as const satisfies FieldCatalog['lists'][string];
const paymentReferenceFields = { item: 'ref', fields: { method: 'text', reference: 'text' } } as const satisfies FieldCatalog['lists'][string];

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
      'ticket.printCount': 'count',
      'order.reference': 'text',
      'order.soldAt': 'instant',
    },
    lists: { reprints: { item: 'reprint', fields: { count: 'count' } }, customers: { item: 'customer', fields: { name: 'text' } } },
  },
  receipt: {
    fields: {
      ...common,
      ...eventFields,
      'order.reference': 'text',
      'order.receiptNumber': 'text',
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
      payments: { item: 'payment', fields: { method: 'text', amount: 'money', reference: 'text' } },
      seats: { item: 'seat', fields: seatListFields },
      changeGiven: { item: 'change', fields: { amount: 'money' } },
      paymentReferences: paymentReferenceFields,
      sellerLines: sellerListFields,
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
    lists: { seats: { item: 'seat', fields: seatListFields } },
  },
  refund: {
    fields: {
      ...common,
      ...eventFields,
      'order.reference': 'text',
      'order.soldAt': 'instant',
      'refund.what': 'text',
      'refund.at': 'instant',
      'refund.amount': 'money',
      'refund.method': 'text',
      'refund.tickets': 'count',
    },
    lists: {
      sellerLines: sellerListFields,
      paymentReferences: paymentReferenceFields,
      seats: { item: 'seat', fields: seatListFields },
      approvals: { item: 'approval', fields: { name: 'text' } },
      notes: { item: 'note', fields: { text: 'text' } },
      taxLines: { item: 'tax', fields: taxLineFields },
    },
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
      'cashUp.title': 'text',
      'cashUp.number': 'text',
      'cashUp.scope': 'text',
      'cashUp.float': 'money',
      'cashUp.cashSales': 'money',
      'cashUp.cashRefunds': 'money',
      'cashUp.cashExchanges': 'money',
      'cashUp.cashIn': 'money',
      'cashUp.cashOut': 'money',
      'cashUp.card': 'money',
      'cashUp.voucher': 'money',
      'cashUp.complimentary': 'money',
      'cashUp.complimentaryTickets': 'count',
      'cashUp.exchanges': 'count',
      'cashUp.exchangeCredit': 'money',
      'cashUp.voids': 'count',
      'cashUp.voidsAmount': 'money',
      'cashUp.noSales': 'count',
    },
    lists: {
      takings: { item: 'taking', fields: { method: 'text', count: 'count', amount: 'money' } },
      taxLines: { item: 'tax', fields: taxLineFields },
      performances: { item: 'show', fields: { title: 'text', startsAt: 'instant', sold: 'count', amount: 'money' } },
      bands: { item: 'band', fields: { name: 'text', sold: 'count', amount: 'money' } },
      cashiers: { item: 'till', fields: { name: 'text', amount: 'money' } },
      discounts: { item: 'discount', fields: { code: 'text', orders: 'count', amount: 'money' } },
      approvals: { item: 'approval', fields: { reason: 'text', name: 'text' } },
      corrections: { item: 'correction', fields: { at: 'instant', amount: 'money', reason: 'text', name: 'text' } },
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
  legalName: 'Marquee Playhouse Trading Ltd',
  companyAddress: '12 Lantern Row, Bristol BS1 4XE',
  companyNumber: '09876543',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  currency: 'GBP',
};
const sampleSellerLines = [
  { text: 'Marquee Playhouse Trading Ltd' },
  { text: 'Company no. 09876543' },
  { text: 'VAT no. GB 123 4567 89' },
];
const sampleCommon = { venue: sampleVenue, station: { name: 'Box office 1' }, cashier: { name: 'Sam Ortiz' } };

/** Made-up but realistic data for previews, the layout editor and the golden tests. */
export function sampleData(kind: 'ticket'): TicketPrintData;
export function sampleData(kind: 'receipt'): ReceiptPrintData;
export function sampleData(kind: 'reservation'): ReservationSlipPrintData;
export function sampleData(kind: 'cash-up'): CashUpPrintData;
export function sampleData(kind: 'refund'): RefundSlipPrintData;
export function sampleData(kind: LayoutKind): PrintData;
export function sampleData(kind: LayoutKind): PrintData {
  switch (kind) {
    case 'ticket':
      return {
        kind,
        ...sampleCommon,
        event: { title: 'The Winter Tale', ageRating: '12+' },
        performance: { startsAt: SHOW, doorsAt: SHOW - 30 * 60_000 },
        seat: { section: 'Stalls', row: 'F', number: '14', label: 'Stalls, row F, seat 14' },
        priceBand: { name: 'Adult' },
        price: 2450,
        ticket: { code: 'MQ7K2P9X4R', id: '01JDQ8Z6T3M0F4R2B7C9E1H5KX', printCount: 1 },
        order: { reference: 'Q8Z6T3M0', soldAt: SOLD },
        reprints: [],
        customers: [{ name: 'Alex Morgan' }],
      };
    case 'receipt':
      return {
        kind,
        ...sampleCommon,
        order: { reference: 'Q8Z6T3M0', receiptNumber: '1042', soldAt: SOLD, total: 6100, taxTotal: 1017, paid: 7000, change: 900, discount: 610 },
        event: { title: 'The Winter Tale', ageRating: '12+' },
        performance: { startsAt: SHOW, doorsAt: SHOW - 30 * 60_000 },
        seats: [
          { label: 'Stalls, row F, seat 13', priceBand: 'Adult', price: 2450 },
          { label: 'Stalls, row F, seat 14', priceBand: 'Adult', price: 2450 },
          { label: 'Stalls, row F, seat 15', priceBand: 'Child', price: 1200 },
        ],
        changeGiven: [{ amount: 900 }],
        paymentReferences: [],
        sellerLines: sampleSellerLines,
        lines: [
          { description: 'The Winter Tale, 4 Dec, Adult', quantity: 2, unitPrice: 2450, amount: 4900 },
          { description: 'The Winter Tale, 4 Dec, Child', quantity: 1, unitPrice: 1200, amount: 1200 },
        ],
        discounts: [{ code: 'FRIENDS10', amount: 610 }],
        taxLines: [{ name: 'VAT', rate: '20%', net: 5083, tax: 1017, gross: 6100 }],
        payments: [{ method: 'Cash', amount: 7000, reference: '' }],
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
          title: 'Z REPORT',
          number: '27',
          scope: 'Window Box office 1',
          float: 10_000,
          cashSales: 79_200,
          cashRefunds: 2_500,
          cashExchanges: 0,
          cashIn: 5_000,
          cashOut: 7_500,
          card: 224_650,
          voucher: 4900,
          complimentary: 0,
          complimentaryTickets: 0,
          exchanges: 1,
          exchangeCredit: 2_400,
          voids: 1,
          voidsAmount: 2_500,
          noSales: 2,
        },
        takings: [
          { method: 'Cash', count: 41, amount: 84_200 },
          { method: 'Card', count: 96, amount: 224_650 },
          { method: 'Voucher', count: 6, amount: 4900 },
        ],
        taxLines: [{ name: 'VAT', rate: '20%', net: 261_458, tax: 52_292, gross: 313_750 }],
        performances: [{ title: 'The Winter Tale', startsAt: SHOW, sold: 141, amount: 313_750 }],
        bands: [
          { name: 'Adult', sold: 120, amount: 282_000 },
          { name: 'Child', sold: 21, amount: 31_750 },
        ],
        cashiers: [{ name: 'Sam Ortiz', amount: 313_750 }],
        discounts: [],
        approvals: [],
        corrections: [],
      };
    case 'refund':
      return {
        kind,
        ...sampleCommon,
        event: { title: 'The Winter Tale', ageRating: '12+' },
        performance: { startsAt: SHOW, doorsAt: SHOW - 30 * 60_000 },
        order: { reference: 'Q8Z6T3M0', soldAt: SOLD },
        refund: { what: 'Refund', at: Date.UTC(2026, 10, 23, 10, 12, 40), amount: 4900, method: 'Cash', tickets: 2 },
        sellerLines: sampleSellerLines,
        paymentReferences: [],
        seats: [
          { label: 'Stalls, row F, seat 13', priceBand: 'Adult', price: 2450 },
          { label: 'Stalls, row F, seat 14', priceBand: 'Adult', price: 2450 },
        ],
        approvals: [{ name: 'Priya Shah' }],
        notes: [],
        taxLines: [{ name: 'VAT', rate: '20%', net: 4083, tax: 817, gross: 4900 }],
      };
  }
}
