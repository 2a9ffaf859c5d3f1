import type { PrintWarning } from '../../src-shared/contract/printing.ts';
import type { Clock } from '../core/clock.ts';
import type { LayoutLibrary } from './render/index.ts';

/**
 * What printing works around and managers must hear about, not only a log line: a layout file
 * broken by hand whose last good version keeps printing, and a layout that could not print so
 * its documents came out on the built-in layout for the paper. One per running box office.
 */
export class PrintWarnings {
  private readonly fallbacks = new Map<string, PrintWarning>();
  /** Broken files already announced as printing their last good version. */
  private readonly lastGood = new Set<string>();

  constructor(
    private readonly layouts: LayoutLibrary,
    private readonly clock: Clock,
    private readonly changed: (count: number) => void = () => undefined,
  ) {}

  /** A document's layout could not print (`reason`); it printed on `builtinId` instead. */
  fellBack(layoutId: string, builtinId: string, reason: string): void {
    const words = `The layout '${layoutId}' could not print (${reason}); its documents print on the built-in layout '${builtinId}' until it is fixed.`;
    const known = this.fallbacks.get(layoutId);
    this.fallbacks.set(layoutId, { layoutId, words, at: this.clock.now() });
    if (known?.words !== words) this.changed(this.list().length);
  }

  /** The layout printed: its fallback warning goes; a broken file printing its last good version is announced once. */
  printed(layoutId: string): void {
    const fixed = this.fallbacks.delete(layoutId);
    const lastGood = this.layouts.printsLastGood(layoutId);
    const announce = lastGood && !this.lastGood.has(layoutId);
    if (lastGood) this.lastGood.add(layoutId);
    else this.lastGood.delete(layoutId);
    if (fixed || announce) this.changed(this.list().length);
  }

  /** Every warning now: broken files (re-read from disk) first, then recent fallbacks. */
  list(): PrintWarning[] {
    const broken = this.layouts.reload().map((problem): PrintWarning => ({
      layoutId: problem.id,
      words: this.layouts.printsLastGood(problem.id)
        ? `The layout file ${problem.file} is broken (${problem.problem}); its last good version keeps printing until it is fixed.`
        : `The layout file ${problem.file} is broken (${problem.problem}) and cannot print; its documents print on the built-in layout for their paper until it is fixed.`,
      at: null,
    }));
    const brokenIds = new Set(broken.map((w) => w.layoutId));
    return [...broken, ...[...this.fallbacks.values()].filter((w) => !brokenIds.has(w.layoutId))];
  }
}
