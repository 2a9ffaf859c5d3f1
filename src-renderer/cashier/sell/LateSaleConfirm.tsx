import { useShortcuts } from '../../kit/shortcuts.ts';

interface Props {
  /** The core's sentence: "This performance started 12 minutes ago; confirm that you are selling after curtain-up." */
  sentence: string;
  onAnswer(sell: boolean): void;
}

/**
 * Selling after curtain-up, asked in the sale panel rather than in a browser dialog: the cashier
 * sees the basket while deciding, "Sell anyway" has the focus (Enter sells), Esc or Cancel keeps
 * the sale unmade and the seats held.
 */
export function LateSaleConfirm({ sentence, onAnswer }: Props) {
  useShortcuts({ Escape: () => onAnswer(false) }, { inFields: true });
  return (
    <section className="late-sale" role="alertdialog" aria-label="Sell after curtain-up" aria-describedby="late-sale-words" data-testid="late-sale">
      <p id="late-sale-words">{sentence}</p>
      <div className="late-sale-actions">
        <button type="button" className="primary" autoFocus onClick={() => onAnswer(true)} data-testid="late-sale-sell">
          Sell anyway <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={() => onAnswer(false)} data-testid="late-sale-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
