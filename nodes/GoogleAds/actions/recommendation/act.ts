import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/n8n/operation';
import { googleAdsRequest, parseGoogleAdsFailure, type MutateOutcome } from '../../transport';
import { runMutateBatch } from '../common/batch';
import { InputProblem } from '../common/errors';
import { customerField, readCustomerId, show } from '../common/fields';
import { partialFailureOption } from '../common/options';
import { idOf, resourceName, resultResourceName } from '../common/resourceNames';

/**
 * Apply and Dismiss: `recommendations:apply` / `:dismiss` take a list of
 * resource names and partialFailure (no validateOnly in the API), so every
 * item is one entry of ONE call per customer.
 */
export function recommendationAction(verb: 'apply' | 'dismiss'): OperationModule {
	const d = show('recommendation', verb);
	const description: INodeProperties[] = [
		customerField(d),
		{
			displayName: 'Recommendation',
			name: 'recommendation',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'customers/1234567890/recommendations/abc',
			description: 'The resource name (or ID) Get Many returns',
			displayOptions: d,
		},
		{
			displayName: 'Options',
			name: 'mutateOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: d,
			options: [partialFailureOption],
		},
	];

	async function send(ctx: IExecuteFunctions, customerId: string, operations: IDataObject[], partialFailure: boolean, itemIndex: number) {
		const answer = await googleAdsRequest<{ results?: IDataObject[]; partialFailureError?: IDataObject }>(ctx, {
			method: 'POST',
			path: `customers/${customerId}/recommendations:${verb}`,
			body: { operations, ...(partialFailure ? { partialFailure: true } : {}) },
			itemIndex,
		});
		const operationErrors = parseGoogleAdsFailure(answer.partialFailureError).map((error) => ({
			operationIndex: error.operationIndex ?? 0,
			error,
		}));
		const failed = new Set(operationErrors.map((e) => e.operationIndex));
		const results = operations.map((_, i) => (failed.has(i) ? null : (answer.results?.[i] ?? null)));
		return { results, operationErrors } satisfies MutateOutcome;
	}

	async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		return await runMutateBatch(
			this,
			itemIndexes,
			(itemIndex) => {
				const customerId = readCustomerId(this, itemIndex);
				const raw = String(this.getNodeParameter('recommendation', itemIndex, '')).trim();
				if (raw === '') throw new InputProblem('Recommendation', 'is empty');
				const name = raw.includes('/') ? raw : resourceName(customerId, 'recommendations', raw);
				if (!name.startsWith(`customers/${customerId}/recommendations/`)) {
					throw new InputProblem('Recommendation', `"${raw}" is not a recommendation of customer ${customerId}`);
				}
				return {
					customerId,
					resource: `recommendations:${verb}`,
					operations: [{ resourceName: name }],
					output: (results) => ({
						customerId,
						resourceName: resultResourceName(results[0]) ?? name,
						id: idOf(name),
						[verb === 'apply' ? 'applied' : 'dismissed']: true,
					}),
				};
			},
			{ send: (ctx, customerId, req) => send(ctx, customerId, req.operations, req.partialFailure === true, req.itemIndex ?? 0) },
		);
	}

	return { description, executeBatch };
}
