// Turns a template (workflows/*.json)
// into the workflow the scale run drives: the schedule (and "Run now") trigger
// becomes a production webhook taking one batch of accounts, so a test can fan
// out like many scheduled runs at once; the account placeholder becomes that
// batch's account (and its Google client); a Send and Wait approval answers "approved" at once (the
// approval loop itself is proven by the e2e run, one person cannot click
// through hundreds of plans here); the error workflow is set. Everything else
// is the template as a user imports it.

export const LOAD_TRIGGER = 'Load request';
export const ACCOUNT_ITEMS = 'One item per account';
const REPLACED_TRIGGERS = new Set(['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.manualTrigger']);
/** The placeholders a template ships with → the batch item's account; its Google client comes in the request's `customers` map. */
const PLACEHOLDERS = {
	YOUR_META_AD_ACCOUNT_ID: `={{ $('${ACCOUNT_ITEMS}').item.json.accountId }}`,
	YOUR_GOOGLE_CUSTOMER_ID: `={{ $('${LOAD_TRIGGER}').first().json.body.customers[$('${ACCOUNT_ITEMS}').item.json.accountId] }}`,
};

const isSendAndWait = (node) => node.parameters?.operation === 'sendAndWait';

/** The item n8n's Send and Wait outputs when the approver clicks Approve. */
function autoApproval(node) {
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: node.position,
		notes: 'Scale run: stands in for the approval (answers Approve at once).',
		parameters: {
			mode: 'raw',
			jsonOutput: '{ "data": { "approved": true } }',
			includeOtherFields: false,
			options: {},
		},
	};
}

/** A placeholder, wherever it is a whole parameter value (resource locators included), becomes the batch's account. */
function withAccountExpression(value) {
	if (typeof value === 'string' && Object.hasOwn(PLACEHOLDERS, value)) return PLACEHOLDERS[value];
	if (Array.isArray(value)) return value.map(withAccountExpression);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withAccountExpression(v)]));
	return value;
}

/**
 * @param template parsed workflow JSON
 * @param {{ id: string, webhookPath: string, errorWorkflow?: string }} options
 */
export function wrapForLoad(template, { id, webhookPath, errorWorkflow }) {
	const triggers = template.nodes.filter((n) => REPLACED_TRIGGERS.has(n.type)).map((n) => n.name);
	if (triggers.length === 0) throw new Error(`${template.name}: no Schedule Trigger to replace with the load webhook`);
	const firstSteps = new Map();
	for (const name of triggers) {
		for (const branch of template.connections[name]?.main ?? []) for (const edge of branch ?? []) firstSteps.set(edge.node, edge);
	}
	const nodes = template.nodes
		.filter((n) => !REPLACED_TRIGGERS.has(n.type))
		.map((n) => (n.type === 'n8n-nodes-base.stickyNote' ? n : isSendAndWait(n) ? autoApproval(n) : { ...n, parameters: withAccountExpression(n.parameters) }));
	const [x, y] = template.nodes.find((n) => n.name === triggers[0]).position ?? [0, 0];
	nodes.push(
		{
			id: `${id}-load`,
			name: LOAD_TRIGGER,
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [x - 440, y],
			webhookId: `${id}-load-webhook`,
			notes: 'Scale run: { run, accounts: [...], customers: { account: Google client } } per batch, as many scheduled runs at once would start.',
			parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
		},
		{
			id: `${id}-split`,
			name: ACCOUNT_ITEMS,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [x - 220, y],
			parameters: { fieldToSplitOut: 'body.accounts', include: 'noOtherFields', options: { destinationFieldName: 'accountId' } },
		},
	);
	const connections = Object.fromEntries(Object.entries(template.connections).filter(([from]) => !triggers.includes(from)));
	connections[LOAD_TRIGGER] = { main: [[{ node: ACCOUNT_ITEMS, type: 'main', index: 0 }]] };
	connections[ACCOUNT_ITEMS] = { main: [[...firstSteps.values()]] };
	return {
		...template,
		id,
		name: `${template.name} [scale run]`,
		active: false,
		nodes,
		connections,
		settings: {
			...template.settings,
			...(errorWorkflow ? { errorWorkflow } : {}),
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	};
}
