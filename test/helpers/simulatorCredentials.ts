/** The credentials `npm start` imports, pointed at a simulator a test started; overrides per credential type. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	SIM_GOOGLE_CLIENT_ID,
	SIM_GOOGLE_CLIENT_SECRET,
	SIM_GOOGLE_DEVELOPER_TOKEN,
	SIM_GOOGLE_REFRESH_TOKEN,
	SIM_META_ACCESS_TOKEN,
	SIM_META_APP_SECRET,
} from '../../simulator/credentials';
import { MANAGER_ID } from '../../simulator/google/store';
import type { RunningSimulator } from '../../simulator/server';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

export function simulatorCredentials(
	sim: Pick<RunningSimulator, 'metaBaseUrl' | 'googleBaseUrl' | 'googleTokenUrl'>,
	overrides: { meta?: ICredentialDataDecryptedObject; google?: ICredentialDataDecryptedObject } = {},
): CredentialsByType {
	return {
		adPilotMetaAdsApi: { accessToken: SIM_META_ACCESS_TOKEN, appSecret: SIM_META_APP_SECRET, apiVersion: 'v25.0', baseUrl: sim.metaBaseUrl, ...overrides.meta },
		adPilotGoogleAdsApi: {
			clientId: SIM_GOOGLE_CLIENT_ID,
			clientSecret: SIM_GOOGLE_CLIENT_SECRET,
			refreshToken: SIM_GOOGLE_REFRESH_TOKEN,
			tokenUrl: sim.googleTokenUrl,
			developerToken: SIM_GOOGLE_DEVELOPER_TOKEN,
			loginCustomerId: MANAGER_ID,
			apiVersion: 'v26',
			baseUrl: sim.googleBaseUrl,
			accessToken: '',
			...overrides.google,
		},
	};
}
