import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../common';

const show = showFor('planCampaign');
const forPlatform = (platform: string) => ({ show: { operation: ['planCampaign'], planPlatform: [platform] } });

export const planDescription: INodeProperties[] = [
	{ displayName: 'Platform', name: 'planPlatform', type: 'options', options: [{ name: 'Google Ads (Search Campaign Template)', value: 'google' }, { name: 'Meta Ads (Campaign → Ad Set → Creative → Ad)', value: 'meta' }], default: 'google', displayOptions: show },
	{ displayName: 'Account ID', name: 'planAccountId', type: 'string', default: '', required: true, placeholder: '1234567890', description: 'Google customer id (dashes allowed) or Meta ad account id (act_ allowed)', displayOptions: show },
	{ displayName: 'Product', name: 'planProduct', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, displayOptions: show },
	{ displayName: 'Landing Page', name: 'landingPage', type: 'string', default: '', required: true, placeholder: 'https://shop.example/trail', displayOptions: show },
	{ displayName: 'Audience', name: 'audience', type: 'string', typeOptions: { rows: 2 }, default: '', placeholder: 'Trail runners 25–45 in cities near mountains', displayOptions: show },
	{ displayName: 'Goal', name: 'goal', type: 'options', options: [{ name: 'Sales', value: 'sales' }, { name: 'Leads', value: 'leads' }, { name: 'Traffic', value: 'traffic' }, { name: 'Awareness', value: 'awareness' }], default: 'sales', displayOptions: show },
	{ displayName: 'Daily Budget', name: 'dailyBudget', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 20, description: 'Account currency; the plan may not exceed it', displayOptions: show },
	{ displayName: 'Currency', name: 'planCurrency', type: 'string', default: 'EUR', description: 'The account currency (ISO 4217)', displayOptions: show },
	{ displayName: 'Ad Language', name: 'planLanguage', type: 'string', default: 'English', displayOptions: show },
	{ displayName: 'Location IDs', name: 'locationIds', type: 'string', default: '2840', description: 'Comma-separated Google geo target constant ids (2840 United States, 2276 Germany, 2826 United Kingdom)', displayOptions: forPlatform('google') },
	{ displayName: 'Language IDs', name: 'languageIds', type: 'string', default: '1000', description: 'Comma-separated Google language constant ids (1000 English, 1001 German, 1002 French)', displayOptions: forPlatform('google') },
	{ displayName: 'Countries', name: 'countries', type: 'string', default: 'US', description: 'Comma-separated two-letter country codes', displayOptions: forPlatform('meta') },
	{ displayName: 'Facebook Page ID', name: 'pageId', type: 'string', default: '', description: 'The Page the ad runs as (needed by the creative)', displayOptions: forPlatform('meta') },
];
