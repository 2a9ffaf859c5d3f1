import { orderReference } from '../../src-shared/contract/orders.ts';
import { screenSettingKeys, settingsRegistry, type ScreenSettingField } from '../../src-shared/settings-registry.ts';

/** One row of the audit list as the query reads it, before it is put in words. */
export interface AuditFacts {
  source: 'ledger' | 'audit';
  kind: string;
  staffName: string | null;
  approvedByName: string | null;
  stationName: string | null;
  orderId: string | null;
  body: Record<string, unknown>;
}

/** How money reads in a sentence: the venue's currency in its locale. */
export type MoneyWords = (minor: number) => string;

type Rows = Record<string, Array<Record<string, unknown>> | undefined>;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * An audit entry as a manager reads it: "Priya Shah signed in at Box office 2.", "Sam Ortiz sold 2
 * tickets for £49.00 (order 7KX2P9Q4) at Box office 1." The window is named by its one name (the
 * stations row a manager renames under Manage → Windows); order references are the 8 characters
 * printed on receipts. An action this list does not know yet is still shown, by its code.
 */
export function describeAudit(facts: AuditFacts, money: MoneyWords): string {
  const who = facts.staffName ?? (facts.source === 'ledger' ? 'The box office' : 'Someone');
  const at = facts.stationName ? ` at ${facts.stationName}` : '';
  const approved = facts.approvedByName ? `, approved by ${facts.approvedByName}` : '';
  const body = facts.body;
  const rows = (body['rows'] ?? {}) as Rows;
  const order = facts.orderId ? ` (order ${orderReference(facts.orderId)})` : '';
  const seats = rows['units']?.length ?? 0;
  const tickets = rows['tickets'] ?? [];
  const orders = rows['orders'] ?? [];
  const paymentOut = (rows['payments'] ?? []).find((p) => typeof p['amountMinor'] === 'number' && (p['amountMinor'] as number) < 0 && p['method'] !== 'exchange');
  const reservation = rows['reservations']?.[0];
  const block = rows['blocks']?.[0];
  const name = text(body['name']);
  switch (facts.kind) {
    case 'order.booked': {
      const total = orders.at(-1)?.['totalMinor'];
      return `${who} sold ${count(tickets.length, 'ticket')}${typeof total === 'number' ? ` for ${money(total)}` : ''}${order}${at}${approved}.`;
    }
    case 'order.refunded': {
      const amount = paymentOut ? ` (${money(-(paymentOut['amountMinor'] as number))} by ${text(paymentOut['method'])})` : '';
      return `${who} refunded ${count(tickets.length, 'ticket')}${amount}${order}${at}${approved}.`;
    }
    case 'order.exchanged': {
      const from = typeof body['fromOrderId'] === 'string' ? ` of order ${orderReference(body['fromOrderId'])}` : '';
      const to = facts.orderId ? ` for order ${orderReference(facts.orderId)}` : '';
      return `${who} exchanged tickets${from}${to}${at}${approved}.`;
    }
    case 'ticket.reprinted':
      return `${who} reprinted a ticket${order} (copy ${text(body['printCount'])})${at}.`;
    case 'ticket.checked-in':
      return `${who} admitted a ticket${order}${at}.`;
    case 'ticket.check-in-undone':
      return `${who} undid a check-in${order}${at}.`;
    case 'reservation.created':
      return `${who} reserved ${count(seats, 'seat')} for ${text(reservation?.['customerName']) || 'a customer'} (reservation ${text(reservation?.['reference'])})${at}.`;
    case 'reservation.cancelled':
      return `${who} cancelled reservation ${text(reservation?.['reference'])}${at}.`;
    case 'reservation.expired':
      return `Reservation ${text(reservation?.['reference'])} expired uncollected; ${count(seats, 'seat')} went back on sale.`;
    case 'block.created':
      return `${who} blocked ${count(seats, 'seat')}${block?.['name'] ? ` (${text(block['name'])})` : ''}${at}.`;
    case 'block.released':
      return `${facts.staffName ?? 'The box office'} released ${count(seats, 'blocked seat')}${block?.['name'] ? ` (${text(block['name'])})` : ''}${at}.`;
    case 'staff.signed-in':
      return `${who} signed in${at}.`;
    case 'staff.signed-out':
      return `${who} signed out${at}.`;
    case 'staff.session-ended':
      return `${who}’s session${at} ended (${text(body['reason']).replace(/-/g, ' ') || 'ended'}).`;
    case 'staff.wrong-pin':
      return `A wrong PIN was typed for ${who}${at}${body['paused'] ? '; sign-in there is paused for a while' : ''}.`;
    case 'staff.approved':
      return `${facts.approvedByName ?? 'A manager'} approved ${text(body['what']).replace(/^A /, 'a ') || 'an action'} for ${who}${at}.`;
    case 'staff.created':
      return `The first administrator was created${at}.`;
    case 'staff.added':
      return `${who} added ${name} as ${text(body['role'])}${at}.`;
    case 'staff.pin-reset':
      return `${who} reset ${name}’s PIN${at}.`;
    case 'staff.sign-in-pause-cleared':
      return `${who} cleared the sign-in pause${at}.`;
    case 'settings.changed':
      return `${who} changed ${settingWords(text(body['changed']))}${at}.`;
    case 'window.paired':
      return `${who} paired the window ${name}${at}.`;
    case 'window.renamed':
      return `${who} renamed a window to ${name}${at}.`;
    case 'window.revoked':
      return `${who} revoked the window ${name}${at}.`;
    case 'window.serving-on':
      return `${who} turned on serving other windows${at}.`;
    case 'window.serving-off':
      return `${who} turned off serving other windows${at}.`;
    case 'venue.created':
      return `${who} added the venue ${name}${at}.`;
    case 'event.created':
      return `${who} created the event ${text(body['title'])}${at}.`;
    case 'event.edited':
      return `${who} edited the event ${text(body['title'])}${at}.`;
    case 'performance.run-created':
      return `${who} added ${count(Number(body['performances'] ?? 0), 'performance')} of ${text(body['title'])}${at}.`;
    case 'event.put-on-sale':
      return `${who} put ${count(Number(body['performances'] ?? 0), 'performance')} of ${text(body['title'])} on sale${at}.`;
    case 'price-band.created':
      return `${who} added the price band ${name}${at}.`;
    case 'price-band.edited':
      return `${who} changed the price band ${name}${at}.`;
    case 'price-band.removed':
      return `${who} removed the price band ${name}${at}.`;
    case 'discount-code.deactivated':
      return `${who} switched off the discount code ${text(body['code'])}${at}.`;
    case 'plan.imported':
      return `${who} imported the seating plan ${name} (${text(body['seats'])} seats)${at}.`;
    case 'plan.focus-moved':
      return `${who} moved the stage focus of a seating plan${at}.`;
    case 'print.job-reprinted':
      return `${who} printed a print job again${at}.`;
    case 'demo.reset':
      return `${text(body['by']) || who} reset the demo${at}.`;
    default:
      return `${who}: ${facts.kind}${at}.`;
  }
}

/** "venueName, holdMinutes" → "the venue name and the hold time", from the settings registry's labels. */
function settingWords(fields: string): string {
  const labels = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => {
      const key = (screenSettingKeys as Record<string, keyof typeof settingsRegistry | undefined>)[f as ScreenSettingField];
      return key ? settingsRegistry[key].label : f;
    });
  if (labels.length === 0) return 'the settings';
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)!}`;
}
