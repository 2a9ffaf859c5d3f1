import type { BenchArea } from './types.ts';

/** Each area adds itself here: bench/<area>.ts exporting a BenchArea. */
export const areas: BenchArea[] = [];
