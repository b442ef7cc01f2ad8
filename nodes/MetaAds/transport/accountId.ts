import { NodeOperationError, type INode } from 'n8n-workflow';

// Used when the caller has no node at hand; callers with a context should pass ctx.getNode().
const PLACEHOLDER_NODE: INode = {
	id: 'adpilot-meta-ads',
	name: 'Meta Ads',
	type: 'n8n-nodes-adpilot.metaAds',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Matches Ads Manager / Business Manager URLs: ...?act=123 or ...&act=123. */
const URL_ACT = /[?&#]act=(\d+)/;

/**
 * Accepts 'act_123', '123', ' act_123 ' or an Ads Manager URL with act=123 and
 * returns 'act_123'. Anything else is a clear input error.
 */
export function normalizeAdAccountId(raw: string, itemIndex?: number, node: INode = PLACEHOLDER_NODE): string {
	const value = String(raw ?? '').trim();
	const plain = /^(?:act_)?(\d+)$/i.exec(value);
	if (plain) return `act_${plain[1]}`;
	const fromUrl = /^https?:\/\//i.test(value) ? URL_ACT.exec(value) : null;
	if (fromUrl) return `act_${fromUrl[1]}`;
	const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
	throw new NodeOperationError(node, `"${shown}" is not a Meta ad account ID`, {
		itemIndex,
		description: `Ad Account (item ${itemIndex ?? 0}): use an ID like act_1234567890 or 1234567890, or an Ads Manager URL containing act=1234567890.`,
	});
}
