import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { redactSecrets } from '../MetaAds/transport';
import { triggerProperties } from './description';
import { readTarget, subscribe, subscriptionExists, unsubscribe } from './subscription';
import { answerHandshake, receiveNotification, selectedFields } from './webhook';

function isManual(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('subscription', 'automatic') === 'manual';
}

export class MetaAdsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta Ads Trigger (AdPilot)',
		name: 'metaAdsTrigger',
		icon: { light: 'file:metaAdsTrigger.svg', dark: 'file:metaAdsTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["object"] === "page" ? "Lead Ads leads" : "Ad account events"}}',
		description: 'Starts the workflow when Meta reports ad account events (ads with issues, creative fatigue, recommendations) or Lead Ads leads',
		defaults: { name: 'Meta Ads Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'adPilotMetaAdsApi', required: true }],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (isManual(this)) return true;
				return await subscriptionExists(this, readTarget(this, selectedFields(this)));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (isManual(this)) return true;
				await subscribe(this, readTarget(this, selectedFields(this)));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (isManual(this)) return true;
				try {
					await unsubscribe(this, readTarget(this, selectedFields(this)));
					return true;
				} catch (error) {
					// Deactivating must not fail because Meta refused; say so and go on.
					this.logger.warn(`Meta Ads Trigger: unsubscribing failed: ${redactSecrets((error as Error).message)}`);
					return false;
				}
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return answerHandshake(this);
		return await receiveNotification(this);
	}
}
