/**
 * The platforms Ads Apply can change, by the `platform` of an action.
 * A new platform is one file implementing `PlatformPort` and one entry here.
 */
import { googlePort } from './google';
import { metaPort } from './meta';
import type { PlatformPort } from './platform';

export const PLATFORM_PORTS: Readonly<Record<string, PlatformPort>> = { meta: metaPort, google: googlePort };

export function portFor(platform: string): PlatformPort | undefined {
	return PLATFORM_PORTS[platform];
}

export * from './platform';
