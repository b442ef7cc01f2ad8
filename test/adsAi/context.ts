/** A fake n8n context for Ads AI with the OpenAI credential and an optional second input. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AdsAi } from '../../nodes/AdsAi/AdsAi.node';
import { createExecuteContext, type FakeExecuteContext } from '../helpers';

export const API_KEY = 'sk-test-secret-key-0123456789';
export const BASE_URL = 'https://openai.test/v1';

export interface AiContextOptions {
	parameters: IDataObject;
	inputItems: INodeExecutionData[];
	fallbackItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
}

/** Fast retries: tests record waits instead of sleeping through them. */
export const FAST = { maxRetries: 2, timeoutSeconds: 5, maxRetryWaitSeconds: 60 };

export function aiContext(o: AiContextOptions): FakeExecuteContext {
	const ctx = createExecuteContext({
		parameters: { model: 'gpt-5-mini', modelOptions: FAST, ...o.parameters },
		inputItems: o.inputItems,
		continueOnFail: o.continueOnFail,
		credentials: { adPilotOpenAiApi: o.credentials ?? { apiKey: API_KEY, organization: '', baseUrl: BASE_URL } },
		nodeType: new AdsAi(),
	});
	const first = o.inputItems;
	const second = o.fallbackItems ?? [];
	(ctx as unknown as { getInputData: (i?: number) => INodeExecutionData[] }).getInputData = (inputIndex = 0) => (inputIndex === 1 ? second : first);
	return ctx;
}

export async function runAi(o: AiContextOptions): Promise<{ out: IDataObject[]; items: INodeExecutionData[]; ctx: FakeExecuteContext }> {
	const ctx = aiContext(o);
	const [items] = await new AdsAi().execute.call(ctx);
	return { out: items.map((i) => i.json), items, ctx };
}

export const actionsOf = (out: IDataObject[]) => out.filter((o) => o.schema === 'adpilot.action/v1');
export const summaryOf = (out: IDataObject[]) => out.find((o) => o.summary === true) as IDataObject;
