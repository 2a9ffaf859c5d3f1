import { randomBytes } from 'node:crypto';

/** Who asked for a download: the window and the session secret it held. */
export interface TicketHolder {
  stationId: string;
  sessionSecret: string;
}

const LIFETIME_MS = 60_000;

/**
 * One-use links for a browser to fetch a finished export. A plain link cannot carry the window's
 * token and session headers, so a signed-in manager asks for a ticket through the contract; the
 * host route takes it once, within a minute, and checks again that the session that asked is
 * still a signed-in manager. Kept in memory: a restart only means asking for a new link.
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, TicketHolder & { jobId: string; expiresAt: number }>();

  issue(jobId: string, holder: TicketHolder, now: number): { ticket: string; expiresAt: number } {
    for (const [key, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(key);
    const ticket = randomBytes(24).toString('base64url');
    const expiresAt = now + LIFETIME_MS;
    this.tickets.set(ticket, { ...holder, jobId, expiresAt });
    return { ticket, expiresAt };
  }

  /** The holder, once, for a live ticket of this job; null otherwise. */
  redeem(ticket: string, jobId: string, now: number): TicketHolder | null {
    const found = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!found || found.jobId !== jobId || found.expiresAt <= now) return null;
    return { stationId: found.stationId, sessionSecret: found.sessionSecret };
  }
}
