/**
 * Which price bands a seat can be sold at, and the one a screen offers first. The core refuses a
 * band that does not apply (src-main/sales/book.ts); every screen starts from the same default.
 */
export interface BandForSeat {
  name: string;
  /** The plan category the band is for, or null for every category. */
  category: string | null;
}

/** A band for one category applies only to seats of that category; a band for none applies to all. */
export function bandApplies(band: BandForSeat, seatCategory: string): boolean {
  return band.category === null || band.category === seatCategory;
}

export function bandsForSeat<B extends BandForSeat>(bands: readonly B[], seatCategory: string): B[] {
  return bands.filter((b) => bandApplies(b, seatCategory));
}

/**
 * The band a seat starts at, in the manager's order of the bands: the one named `preferredName`
 * when it applies (an exchange keeps the customer's Adult or Concession), else the first band made
 * for the seat's own category, else the first band for every category. Null when none applies.
 */
export function defaultBand<B extends BandForSeat>(bands: readonly B[], seatCategory: string, preferredName?: string): B | null {
  const choices = bandsForSeat(bands, seatCategory);
  return (
    (preferredName === undefined ? undefined : choices.find((b) => b.name === preferredName)) ??
    choices.find((b) => b.category === seatCategory) ??
    choices[0] ??
    null
  );
}
