/** What the demo sells: kept apart from the loader so the README and tests can quote it. */

export type DemoVenue = 'theatre' | 'studio';

export interface DemoShow {
  key: 'play' | 'musical' | 'comedy';
  title: string;
  description: string;
  durationMinutes: number;
  ageRating: string;
  venue: DemoVenue;
  /** Adult, concession and child prices in pence per plan category, VAT included. */
  prices: Record<string, { adult: number; concession: number; child: number }>;
}

export const DEMO_VAT_BP = 2000;

export const demoShows: DemoShow[] = [
  {
    key: 'play',
    title: 'The Importance of Being Earnest',
    description: "Oscar Wilde's comedy of manners, handbags and double lives.",
    durationMinutes: 150,
    ageRating: 'PG',
    venue: 'theatre',
    prices: {
      Stalls: { adult: 3500, concession: 2800, child: 1750 },
      Circle: { adult: 2800, concession: 2200, child: 1400 },
      Balcony: { adult: 1800, concession: 1500, child: 900 },
    },
  },
  {
    key: 'musical',
    title: "Singin' in the Rain",
    description: 'The classic musical, with real rain on stage.',
    durationMinutes: 165,
    ageRating: 'U',
    venue: 'theatre',
    prices: {
      Stalls: { adult: 4800, concession: 3800, child: 2400 },
      Circle: { adult: 3900, concession: 3100, child: 1950 },
      Balcony: { adult: 2500, concession: 2000, child: 1250 },
    },
  },
  {
    key: 'comedy',
    title: 'Comedy Night at the Studio',
    description: 'Four stand-ups and a compère; unreserved standing.',
    durationMinutes: 120,
    ageRating: '16+',
    venue: 'studio',
    prices: {
      Studio: { adult: 1500, concession: 1200, child: 750 },
    },
  },
];

export const demoBandNames = ['Adult', 'Concession', 'Child', 'Complimentary'] as const;

export const DEMO_THEATRE = { name: 'The Lyric Theatre', address: '12 Shaftesbury Row, London', planName: 'Main house', planFile: 'lyric-theatre.seating.json' };
export const DEMO_STUDIO = { name: 'Studio', address: '12 Shaftesbury Row, London (stage door)', planName: 'Standing', planFile: 'studio.seating.csv' };

/** Demo PINs are printed in the README; a real installation replaces these staff first. */
export const demoStaff = [
  { name: 'Morgan Hale', role: 'manager', pin: '2468' },
  { name: 'Priya Shah', role: 'cashier', pin: '1111' },
  { name: 'Tom Booth', role: 'cashier', pin: '2222' },
] as const;
