/**
 * Request header naming the app whose app access token ("<app id>|<app secret>")
 * a Meta request needs. Meta manages webhook subscriptions (`/{app-id}/subscriptions`)
 * only with an app token; the Meta Ads Trigger sets this header and the
 * credential's authenticate() joins the secret, so the secret never passes
 * through node code. The header itself is removed before the request leaves.
 */
export const META_APP_TOKEN_HEADER = 'x-adpilot-app-token';

/**
 * Request header carrying a Page access token for a Page-scoped call
 * (`/{page-id}/subscribed_apps` accepts no other). The trigger reads the token
 * with the user token and hands it to authenticate(), which sends it as the
 * Bearer token (with its own appsecret_proof) and removes this header.
 */
export const META_PAGE_TOKEN_HEADER = 'x-adpilot-page-token';
