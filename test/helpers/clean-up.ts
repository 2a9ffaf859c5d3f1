import { afterEach } from 'vitest';

export type CleanUpStep = () => Promise<void> | void;

/**
 * What a test made and must undo (temp offices, servers, databases), run after each test newest
 * first, whether it passed or not. Push onto the list this returns; call once per file or describe.
 */
export function cleanUpAfterEach(): CleanUpStep[] {
  const steps: CleanUpStep[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return steps;
}
