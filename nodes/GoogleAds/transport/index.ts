/**
 * Google Ads REST transport: every node call to Google Ads goes through here.
 * Auth via n8n's credential helpers; version, base URL and developer token
 * from the credential; micros never leave the operation that converts them.
 */
export { getCredentialType, getGoogleAdsSettings, readParameter } from './credentials';
export type { GoogleAdsContext, GoogleAdsCredentialType, GoogleAdsSettings } from './credentials';
export { normalizeCustomerId } from './customerId';
export { describeErrors, isRetryableDetail, parseDuration, parseGoogleAdsFailure } from './errors';
export type { GoogleAdsErrorDetail, GoogleAdsPolicyInfo } from './errors';
export { buildGoogleAdsError, getGoogleAdsErrors, googleAdsRequest } from './request';
export type { GoogleAdsApiError, GoogleAdsRequest, GoogleAdsTransportOptions } from './request';
export { search, searchStream } from './search';
export type { SearchOptions, SearchStreamOptions } from './search';
export { MAX_MUTATE_OPERATIONS, mutate } from './mutate';
export type { MutateOperationError, MutateOutcome, MutateRequest, MutateResource } from './mutate';
