import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { pairedWith, readMetricRows } from '../shared/n8n/decisionNode';
import { properties } from './description';
import {
	DataTableCooldownStore,
	retentionFor,
	StaticDataCooldownStore,
	type CooldownStore,
} from './engine/cooldown';
import { evaluateRules } from './engine/evaluate';
import { DEFAULT_PRESET_PARAMS, presetProblems, presetRule, type PresetName, type PresetParams } from './engine/presets';
import { parseRuleEntries, RuleValidationError } from './engine/schema';
import type { EngineOptions, Rule } from './engine/types';
import { uiRule, type UiRule } from './ui';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AdsRules implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ads Rules (AdPilot)',
		name: 'adsRules',
		icon: { light: 'file:adsRules.svg', dark: 'file:adsRules.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["rulesSource"] === "json" ? "Rules (JSON)" : "Rules list"}}',
		description: 'Evaluate automated rules (conditions over windows, gates, cooldowns) on ad metric rows and propose explained actions',
		defaults: { name: 'Ads Rules' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Actions', 'No Match', 'Decision Log'],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const node = this.getNode();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;

		// 1. Rules: read every parameter once, validate all sources as one list.
		const { rules, exported } = readRules(this);
		const referenceDate = typeof options.referenceDate === 'string' ? options.referenceDate.trim() : '';
		if (referenceDate !== '' && !DATE.test(referenceDate)) {
			throw new NodeOperationError(node, `Reference Date must be YYYY-MM-DD, got "${referenceDate}"`, { itemIndex: 0 });
		}
		const maxPct = Number(options.maxBudgetChangePercent ?? 50);
		const engineOptions: EngineOptions = {
			referenceDate: referenceDate || null,
			matchMode: options.matchMode === 'firstMatch' ? 'firstMatch' : 'all',
			maxBudgetChangePercent: Number.isFinite(maxPct) && maxPct > 0 ? maxPct : null,
			decisionLog: options.decisionLog === true,
			now: Date.now(),
		};

		// 2. Rows: bad rows stop the node (naming item and field) or become error items.
		const { rows, errorItems, invalid } = readMetricRows(
			this,
			'Ads Rules reads AdPilot metric rows (Meta Ads / Google Ads "Get Insights" output or the same fields from a sheet).',
		);
		const inputProblems: IDataObject[] = invalid.map((p) => ({ type: 'inputError', itemIndex: p.itemIndex, problems: p.problems }));

		// 3. Cooldowns: load history, evaluate, record new fires.
		const store = await openCooldownStore(this);
		const retention = retentionFor(rules.map((r) => r.cooldown));
		const history = await store.load(engineOptions.now, retention);
		const result = evaluateRules(rules, rows, history, engineOptions);
		if (options.previewOnly !== true) await store.record(result.fires, engineOptions.now, retention);

		// 4. Outputs, each item paired with every input row that contributed.
		const actions: INodeExecutionData[] = result.actions.map((a) => ({
			json: a.action as unknown as IDataObject,
			pairedItem: pairedWith(a.itemIndexes),
		}));
		actions.push(...errorItems);
		const noMatch: INodeExecutionData[] = result.noMatch.map((n) => ({
			json: n.summary as unknown as IDataObject,
			pairedItem: pairedWith(n.itemIndexes),
		}));
		const log: INodeExecutionData[] = [];
		const allItems = items.map((_, item) => ({ item }));
		if (engineOptions.decisionLog) {
			log.push({
				json: { type: 'run', referenceDate: result.referenceDate, ...result.stats, inputErrors: inputProblems.length, cooldownsRecorded: options.previewOnly === true ? 0 : result.fires.length },
				pairedItem: allItems,
			});
			for (const p of inputProblems) log.push({ json: p, pairedItem: { item: p.itemIndex as number } });
			for (const l of result.log) log.push({ json: { type: 'decision', ...l.entry } as unknown as IDataObject, pairedItem: pairedWith(l.itemIndexes) });
		}
		if (options.exportRules === true) {
			log.push({ json: { type: 'export', rules: exported } as IDataObject, pairedItem: allItems.length ? allItems : undefined });
		}
		return [actions, noMatch, log];
	}
}

/** Reads the rule list (UI or JSON) plus presets and validates them as one list. */
function readRules(ctx: IExecuteFunctions): { rules: Rule[]; exported: IDataObject[] } {
	const node = ctx.getNode();
	const source = ctx.getNodeParameter('rulesSource', 0, 'ui') as string;
	const entries: Array<{ raw: unknown; path: string }> = [];
	try {
		if (source === 'json') {
			let raw = ctx.getNodeParameter('rulesJson', 0, '[]') as unknown;
			if (typeof raw === 'string') raw = raw.trim() === '' ? [] : JSON.parse(raw);
			if (!Array.isArray(raw)) throw new RuleValidationError([`rules: expected an array of rules, got ${raw === null ? 'null' : typeof raw}`]);
			raw.forEach((r, i) => entries.push({ raw: r, path: `rules[${i}]` }));
		} else {
			const list = ((ctx.getNodeParameter('rules', 0, {}) as { rule?: UiRule[] }).rule ?? []) as UiRule[];
			const problems: string[] = [];
			list.forEach((r, i) => entries.push({ raw: uiRule(r, `rules[${i}]`, problems), path: `rules[${i}]` }));
			if (problems.length) throw new RuleValidationError(problems);
		}
		const presets = ctx.getNodeParameter('presets', 0, []) as PresetName[];
		if (presets.length) {
			const p = presetParams(ctx.getNodeParameter('presetParams', 0, {}) as IDataObject);
			const problems = presets.flatMap((name) => presetProblems(name, p));
			if (problems.length) throw new RuleValidationError(problems);
			for (const name of presets) entries.push({ raw: presetRule(name, p), path: `presets.${name}` });
		}
		return { rules: parseRuleEntries(entries), exported: entries.map((e) => e.raw as IDataObject) };
	} catch (error) {
		const e = error as Error;
		const problems = error instanceof RuleValidationError ? error.problems : [e.message];
		throw new NodeOperationError(node, error instanceof SyntaxError ? `Rules (JSON) is not valid JSON: ${e.message}` : e.message, {
			itemIndex: 0,
			description: problems.join('\n'),
		});
	}
}

function presetParams(raw: IDataObject): PresetParams {
	const n = (k: string, fallback: number | null): number | null => {
		const v = Number(raw[k]);
		return raw[k] === undefined || raw[k] === '' || !Number.isFinite(v) ? fallback : v;
	};
	const positive = (k: string) => {
		const v = n(k, null);
		return v !== null && v > 0 ? v : null;
	};
	const d = DEFAULT_PRESET_PARAMS;
	return {
		level: (raw.level as PresetParams['level']) ?? d.level,
		window: typeof raw.window === 'string' ? raw.window : d.window,
		ctrPercent: n('ctrPercent', d.ctrPercent) as number,
		minImpressions: n('minImpressions', d.minImpressions) as number,
		targetCpa: positive('targetCpa'),
		targetRoas: positive('targetRoas'),
		budgetIncreasePercent: n('budgetIncreasePercent', d.budgetIncreasePercent) as number,
		budgetCeiling: positive('budgetCeiling'),
		spendThreshold: positive('spendThreshold'),
		cooldownHours: n('cooldownHours', d.cooldownHours) as number,
	};
}

async function openCooldownStore(ctx: IExecuteFunctions): Promise<CooldownStore> {
	const storage = ctx.getNodeParameter('cooldownStorage', 0, 'staticData') as string;
	if (storage !== 'dataTable') return new StaticDataCooldownStore(ctx.getWorkflowStaticData('node'));
	const node = ctx.getNode();
	const id = String(ctx.getNodeParameter('dataTableId', 0, '')).trim();
	if (id === '') throw new NodeOperationError(node, 'Data Table ID is empty', { itemIndex: 0 });
	const why =
		'n8n gives Data Table access only to its own nodes (n8n-nodes-base.dataTable, dataTableTool, evaluation, evaluationTrigger); ' +
		'choose Cooldown Storage "Workflow Static Data" instead.';
	if (!ctx.helpers.getDataTableProxy) {
		throw new NodeOperationError(node, 'Data Tables are not available to this node in this n8n instance', { itemIndex: 0, description: why });
	}
	try {
		const table = await ctx.helpers.getDataTableProxy(id);
		return new DataTableCooldownStore(table, `${ctx.getWorkflow().id ?? ''}:${node.name}`);
	} catch (error) {
		throw new NodeOperationError(node, `Cannot open Data Table "${id}": ${(error as Error).message}`, { itemIndex: 0, description: why });
	}
}
