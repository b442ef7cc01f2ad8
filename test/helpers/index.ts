import './nockIsolation';

export { createExecuteContext, createLoadOptionsContext } from './context';
export type { FakeContextOptions, FakeExecuteContext, FakeLoadOptionsContext, LoadOptionsContextOptions, SentRequest } from './context';
export { applyCredential, defaultCredentialTypes } from './credentials';
export { sendN8nRequest } from './http';
