/** Ads Alert's parameters. */
import type { INodeProperties } from 'n8n-workflow';

import { CHANNELS } from './channels';

export const DEFAULT_PERIOD_HOURS = 6;
export const DEFAULT_CAP = 20;

export const alertProperties: INodeProperties[] = [
	{
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		noDataExpression: true,
		options: CHANNELS.map((c) => ({ name: c.name, value: c.value })),
		default: ['slack'],
		required: true,
		description: 'One output per channel, in the order listed here; connect each to n8n\'s Slack, Send Email, WhatsApp Business Cloud, Telegram or Microsoft Teams node',
	},
	{
		displayName: 'Grouping',
		name: 'grouping',
		type: 'options',
		options: [
			{ name: 'Digest', value: 'digest', description: 'One message per channel per run, most severe first' },
			{ name: 'One Message per Finding', value: 'each' },
		],
		default: 'digest',
	},
	{
		displayName: 'Digest Cap',
		name: 'cap',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_CAP,
		description: 'Findings shown in full; the rest are counted as "and N more" and come back next run',
		displayOptions: { show: { grouping: ['digest'] } },
	},
	{
		displayName: 'Minimum Severity',
		name: 'minSeverity',
		type: 'options',
		options: [
			{ name: 'Info', value: 'info' },
			{ name: 'Warning', value: 'warning' },
			{ name: 'Critical', value: 'critical' },
		],
		default: 'info',
		description: 'Findings below this are not sent',
	},
	{
		displayName: 'Repeat Suppression',
		name: 'dedupe',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Workflow Static Data', value: 'staticData', description: 'Remember what was sent with the workflow (production runs)' },
			{ name: 'Recent Alerts Input', value: 'input', description: 'Read what was sent from a second input, e.g. rows of a Data Table' },
			{ name: 'Off', value: 'off' },
		],
		default: 'staticData',
		description: 'The same finding (entity + kind + severity) is not sent again on a channel within the period; a worse severity always is',
	},
	{
		displayName: 'Period (Hours)',
		name: 'periodHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_PERIOD_HOURS,
		displayOptions: { hide: { dedupe: ['off'] } },
	},
	{
		displayName: 'Quiet Hours',
		name: 'quietHours',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Quiet Hours',
		default: {},
		description: 'Hold warnings and info on a channel during these hours; criticals are always sent',
		options: [
			{
				displayName: 'Window',
				name: 'window',
				values: [
					{ displayName: 'Channel', name: 'channel', type: 'options', options: CHANNELS.map((c) => ({ name: c.name, value: c.value })), default: 'slack' },
					{ displayName: 'From', name: 'start', type: 'string', default: '22:00', placeholder: '22:00' },
					{ displayName: 'To', name: 'end', type: 'string', default: '07:00', placeholder: '07:00' },
					{ displayName: 'Time Zone', name: 'timezone', type: 'string', default: 'UTC', placeholder: 'Europe/Berlin', description: 'IANA time zone of the people on this channel' },
				],
			},
		],
	},
];
