/**
 * The entry of the built host (dist/host/marquee-host.mjs, `npm run serve`): a venue's server runs
 * in production unless told otherwise, which turns off the contract's output checks on the hot
 * path (server.ts). Set before cli.ts is even loaded, hence the dynamic import.
 */
process.env.NODE_ENV ??= 'production';
await import('./cli.ts');
export {};
