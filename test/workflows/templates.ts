/** Loading templates from workflows/ and the sandbox credentials the in-process tests give them. */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { CredentialData } from '../harness/credentialsHelper';
import type { WorkflowJson } from '../harness/runWorkflow';
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

export function loadTemplate(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', file), 'utf8')) as WorkflowJson;
}

/** The same credentials `npm start` imports, pointed at a simulator started by the test. */
export function simulatorCredentials(sim: RunningSimulator): CredentialData {
	return {
		adPilotMetaAdsApi: { accessToken: SIM_META_ACCESS_TOKEN, appSecret: SIM_META_APP_SECRET, apiVersion: 'v25.0', baseUrl: sim.metaBaseUrl },
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
		},
	};
}
