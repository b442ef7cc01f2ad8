/** The channels, their output names, and the items each one emits for a message. */
import type { IDataObject } from 'n8n-workflow';

import type { MessageContent } from './format/common';
import { emailMessage } from './format/email';
import { slackMessage } from './format/slack';
import { teamsCard, teamsPayload } from './format/teams';
import { textMessages } from './format/text';

export type Channel = 'slack' | 'email' | 'whatsapp' | 'telegram' | 'teams';

/** Output order is this order, whatever order the channels were picked in. */
export const CHANNELS: ReadonlyArray<{ value: Channel; name: string }> = [
	{ value: 'slack', name: 'Slack' },
	{ value: 'email', name: 'Email' },
	{ value: 'whatsapp', name: 'WhatsApp' },
	{ value: 'telegram', name: 'Telegram' },
	{ value: 'teams', name: 'Microsoft Teams' },
];

export function orderedChannels(chosen: unknown): Channel[] {
	const picked = new Set(Array.isArray(chosen) ? chosen : []);
	return CHANNELS.filter((c) => picked.has(c.value)).map((c) => c.value);
}

/**
 * n8n evaluates this to the node's outputs: one per chosen channel, in
 * CHANNELS order. Written out (not Function.toString) so the code n8n runs
 * is exactly this text.
 */
export const OUTPUTS_EXPRESSION = `={{(${JSON.stringify(CHANNELS)}).filter(c => ($parameter.channels || []).includes(c.value)).map(c => ({ type: 'main', displayName: c.name }))}}` as `={{${string}}}`;

/** The channel-specific fields of one message; WhatsApp and Telegram may need several parts. */
export function channelPayloads(channel: Channel, content: MessageContent): IDataObject[] {
	switch (channel) {
		case 'slack': {
			const message = slackMessage(content);
			return [{ text: message.text, blocks: message.blocks, slackBlocksJson: JSON.stringify({ blocks: message.blocks }), slackPayload: message }];
		}
		case 'email':
			return [{ ...emailMessage(content) }];
		case 'teams': {
			const card = teamsCard(content);
			return [{ card, teamsPayload: teamsPayload(card), text: content.heading }];
		}
		default: {
			const parts = textMessages(content);
			return parts.map((text, index) => ({ text, part: index + 1, parts: parts.length }));
		}
	}
}
