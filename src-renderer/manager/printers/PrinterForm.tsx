import { useState } from 'react';
import type { LayoutInfoDto } from '../../../src-shared/contract/layouts.ts';
import {
  characterSets,
  printerTypes,
  type CharacterSet,
  type DefaultLayoutKind,
  type DefaultLayouts,
  type JobKind,
  type PrinterType,
  type PrinterView,
} from '../../../src-shared/contract/printing.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';

const JOB_KINDS: { kind: JobKind; label: string }[] = [
  { kind: 'ticket', label: 'Tickets' },
  { kind: 'receipt', label: 'Receipts and reservation slips' },
  { kind: 'report', label: 'Reports (cash-up)' },
];

/** Each default slot lists only layouts that print that document. */
const DEFAULT_SLOTS: { slot: DefaultLayoutKind; label: string; layoutKind: LayoutInfoDto['kind'] }[] = [
  { slot: 'ticket', label: 'Ticket', layoutKind: 'ticket' },
  { slot: 'receipt', label: 'Receipt', layoutKind: 'receipt' },
  { slot: 'reservation', label: 'Reservation slip', layoutKind: 'reservation' },
  { slot: 'report', label: 'Cash-up report', layoutKind: 'cash-up' },
];

interface Props {
  printer: PrinterView | null;
  layouts: LayoutInfoDto[];
  onSaved(printer: PrinterView): void;
  onRemoved(): void;
  onCancel(): void;
}

/** Add or change one printer; the core checks the address and the manager role. */
export function PrinterForm({ printer, layouts, onSaved, onRemoved, onCancel }: Props) {
  const [name, setName] = useState(printer?.name ?? '');
  const [type, setType] = useState<PrinterType>(printer?.type ?? 'epson');
  const [address, setAddress] = useState(printer?.interface ?? '');
  const [widthDots, setWidthDots] = useState<384 | 576>(printer?.widthDots ?? 576);
  const [characterSet, setCharacterSet] = useState<CharacterSet>(printer?.characterSet ?? 'PC858_EURO');
  const [jobKinds, setJobKinds] = useState<JobKind[]>(printer?.jobKinds ?? ['ticket', 'receipt', 'report']);
  const [drawerPin, setDrawerPin] = useState<2 | 5 | null>(printer?.drawerPin ?? null);
  const [defaults, setDefaults] = useState<DefaultLayouts>(printer?.defaultLayouts ?? {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const saved = await call('savePrinter', {
        ...(printer ? { id: printer.id } : {}),
        name,
        type,
        interface: address,
        widthDots,
        characterSet,
        jobKinds,
        drawerPin,
        defaultLayouts: defaults,
      });
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!printer) return;
    setBusy(true);
    setError(null);
    try {
      await call('removePrinter', { printerId: printer.id });
      onRemoved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const toggleKind = (kind: JobKind, on: boolean) => setJobKinds((kinds) => (on ? [...kinds, kind] : kinds.filter((k) => k !== kind)));

  return (
    <form
      className="printer-form"
      aria-label={printer ? `Change ${printer.name}` : 'Add a printer'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2>{printer ? `Change ${printer.name}` : 'Add a printer'}</h2>
      <label>
        Name
        <input data-testid="printer-name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus placeholder="Front desk" />
      </label>
      <label>
        Type
        <select data-testid="printer-type" value={type} onChange={(e) => setType(e.target.value as PrinterType)}>
          {printerTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="wide">
        Address
        <input
          data-testid="printer-interface"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          required
          placeholder="tcp://192.168.1.50:9100 or /dev/usb/lp0"
        />
        <small className="muted">A network printer as tcp://host:port, or a device such as /dev/usb/lp0 or COM3.</small>
      </label>
      <label>
        Paper
        <select data-testid="printer-width" value={widthDots} onChange={(e) => setWidthDots(Number(e.target.value) === 384 ? 384 : 576)}>
          <option value={576}>80 mm (576 dots)</option>
          <option value={384}>58 mm (384 dots)</option>
        </select>
      </label>
      <label>
        Code page
        <select data-testid="printer-codepage" value={characterSet} onChange={(e) => setCharacterSet(e.target.value as CharacterSet)}>
          {characterSets.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="job-kinds">
        <legend>Prints</legend>
        {JOB_KINDS.map(({ kind, label }) => (
          <label key={kind} className="check">
            <input type="checkbox" data-testid={`printer-kind-${kind}`} checked={jobKinds.includes(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label>
        Cash drawer
        <select
          data-testid="printer-drawer"
          value={drawerPin ?? ''}
          onChange={(e) => setDrawerPin(e.target.value === '2' ? 2 : e.target.value === '5' ? 5 : null)}
        >
          <option value="">No drawer</option>
          <option value="2">Drawer on pin 2</option>
          <option value="5">Drawer on pin 5</option>
        </select>
      </label>
      <fieldset className="wide">
        <legend>Default layouts (when the event or price band names none)</legend>
        {DEFAULT_SLOTS.map(({ slot, label, layoutKind }) => (
          <label key={slot}>
            {label}
            <select
              data-testid={`printer-default-${slot}`}
              value={defaults[slot] ?? ''}
              onChange={(e) => setDefaults((d) => ({ ...d, [slot]: e.target.value || undefined }))}
            >
              <option value="">Built-in for the paper width</option>
              {layouts
                .filter((l) => l.kind === layoutKind)
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name} ({l.id})
                  </option>
                ))}
            </select>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error wide" role="alert" data-testid="printer-error">
          {error}
        </p>
      )}
      <div className="actions wide">
        <button type="submit" className="primary" disabled={busy || jobKinds.length === 0} data-testid="printer-save">
          Save printer
        </button>
        <button type="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        {printer && (
          <button type="button" className="danger" onClick={() => void remove()} disabled={busy} data-testid="printer-remove">
            Remove printer
          </button>
        )}
      </div>
    </form>
  );
}
