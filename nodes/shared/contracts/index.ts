export * from './metricRow';
export * from './action';
export * from './derive';
export * from './idempotency';
export * from './makeAction';
export * from './validate';
