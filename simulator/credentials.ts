/**
 * The secrets the simulator accepts. The sandbox and the tests use these;
 * anything else is answered the way the real API answers a bad credential.
 */
export const SIM_META_ACCESS_TOKEN = 'sim-meta-token';
export const SIM_META_APP_SECRET = 'sim-meta-app-secret';
export const SIM_GOOGLE_CLIENT_ID = 'sim-google-client-id';
export const SIM_GOOGLE_CLIENT_SECRET = 'sim-google-client-secret';
export const SIM_GOOGLE_REFRESH_TOKEN = 'sim-google-refresh-token';
export const SIM_GOOGLE_DEVELOPER_TOKEN = 'sim-google-dev-token';
/** Access tokens the token endpoint issues start with this. */
export const SIM_GOOGLE_ACCESS_TOKEN_PREFIX = 'sim-google-access-';
export const SIM_OPENAI_API_KEY = 'sim-openai-key';
/** The Meta app the sandbox's webhook subscriptions belong to; its app token is `${id}|${SIM_META_APP_SECRET}`. */
export const SIM_META_APP_ID = '1990000000000001';
/** Page access tokens the simulator issues: this prefix + the page id. */
export const SIM_META_PAGE_TOKEN_PREFIX = 'sim-page-token-';
