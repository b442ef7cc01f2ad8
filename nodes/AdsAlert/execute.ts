/** Ads Alert's run: parse every input item, then build each chosen channel's messages. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { channelPayloads, orderedChannels, type Channel } from './channels';
import { DEFAULT_CAP, DEFAULT_PERIOD_HOURS } from './description';
import { remember, saveToStaticData, stateFromRows, stateFromStaticData, type SentState } from './dedupe';
import { AlertInputError, parseItem } from './findings/parse';
import { SEVERITY_RANK, type Finding, type Severity } from './findings/types';
import type { MessageContent } from './format/common';
import { planChannel, type AlertSettings } from './plan';
import { isTimezone, parseClock, type QuietWindow } from './quietHours';

function readQuietHours(ctx: IExecuteFunctions): QuietWindow[] {
	const raw = (ctx.getNodeParameter('quietHours.window', 0, []) as IDataObject[]) ?? [];
	return raw.map((w, n) => {
		const fail = (message: string) => new NodeOperationError(ctx.getNode(), `Quiet hours window ${n + 1}: ${message}`);
		const clock = (field: 'start' | 'end', label: string) => {
			const minute = parseClock(String(w[field] ?? ''));
			if (minute === null) throw fail(`${label} must be a time like 22:00 (got "${String(w[field] ?? '')}")`);
			return minute;
		};
		const timezone = String(w.timezone ?? 'UTC');
		if (!isTimezone(timezone)) throw fail(`Time zone "${timezone}" is not an IANA time zone such as Europe/Berlin or America/New_York`);
		return { channel: String(w.channel), startMinute: clock('start', 'From'), endMinute: clock('end', 'To'), timezone };
	});
}

function readSettings(ctx: IExecuteFunctions): AlertSettings {
	const dedupe = ctx.getNodeParameter('dedupe', 0, 'staticData') as string;
	return {
		digest: ctx.getNodeParameter('grouping', 0, 'digest') === 'digest',
		cap: ctx.getNodeParameter('cap', 0, DEFAULT_CAP) as number,
		periodMs: (ctx.getNodeParameter('periodHours', 0, DEFAULT_PERIOD_HOURS) as number) * 3_600_000,
		dedupe: dedupe !== 'off',
		quiet: readQuietHours(ctx),
	};
}

/** Findings from the first input; bad items stop the node or, under Continue On Fail, become error items. */
function readFindings(ctx: IExecuteFunctions, minSeverity: Severity): { findings: Finding[]; errors: INodeExecutionData[] } {
	const findings: Finding[] = [];
	const errors: INodeExecutionData[] = [];
	ctx.getInputData(0).forEach((item, i) => {
		try {
			const result = parseItem(item.json, i);
			if ('finding' in result && SEVERITY_RANK[result.finding.severity] >= SEVERITY_RANK[minSeverity]) findings.push(result.finding);
		} catch (error) {
			const message = error instanceof AlertInputError ? error.message : `Item ${i}: ${(error as Error).message}`;
			if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), message, { itemIndex: i });
			errors.push({ json: { error: message }, pairedItem: { item: i } });
		}
	});
	return { findings, errors };
}

function readState(ctx: IExecuteFunctions): SentState {
	const mode = ctx.getNodeParameter('dedupe', 0, 'staticData');
	if (mode === 'input') return stateFromRows(ctx.getInputData(1).map((item) => item.json));
	if (mode === 'staticData') return stateFromStaticData(ctx.getWorkflowStaticData('node'));
	return new Map();
}

function messageItems(channel: Channel, content: MessageContent, state: SentState, nowMs: number, counts: IDataObject): INodeExecutionData[] {
	const sent = remember(state, channel, content.findings, nowMs);
	const pairedItem = [...new Set(content.findings.map((f) => f.itemIndex))].sort((a, b) => a - b).map((item) => ({ item }));
	const summary = content.findings.map((f) => ({ key: f.key, kind: f.kind, severity: f.severity, platform: f.platform, accountId: f.accountId, entityId: f.entityId, title: f.title, link: f.link }));
	return channelPayloads(channel, content).map((payload, index) => ({
		json: { channel, severity: content.severity, heading: content.heading, findingCount: content.findings.length + content.more, more: content.more, findings: summary, ...counts, ...payload, sent: index === 0 ? sent : [] } as IDataObject,
		pairedItem,
	}));
}

export async function executeAlert(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const channels = orderedChannels(ctx.getNodeParameter('channels', 0, []));
	if (channels.length === 0) throw new NodeOperationError(ctx.getNode(), 'Pick at least one channel under Channels');
	const settings = readSettings(ctx);
	const { findings, errors } = readFindings(ctx, ctx.getNodeParameter('minSeverity', 0, 'info') as Severity);
	const state = readState(ctx);
	const now = new Date();
	const outputs = channels.map((channel) => {
		const plan = planChannel(channel, findings, state, settings, now);
		const counts = { heldForQuietHours: plan.heldForQuietHours, repeatsHeldBack: plan.repeatsHeldBack };
		return plan.messages.flatMap((content) => messageItems(channel, content, state, now.getTime(), counts));
	});
	if (ctx.getNodeParameter('dedupe', 0, 'staticData') === 'staticData') saveToStaticData(ctx.getWorkflowStaticData('node'), state, now.getTime(), settings.periodMs);
	outputs[0].push(...errors);
	return outputs;
}
