/** The seeded dataset: PRNG, dates, the shared metric generator and the entity tree. */
export * from './prng';
export * from './dates';
export * from './metrics';
export * from './currencies';
export * from './ids';
export * from './tree';
