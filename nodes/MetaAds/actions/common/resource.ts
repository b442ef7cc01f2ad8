import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import { showFor } from './fields';
import type { ObjectResource } from './kinds';
import { withArticle } from '../../../shared/text';

/**
 * Operation names, what they do and their `action` text. `{label}` and `{lower}`
 * are the resource label as is and in lower case; `{a label}` and `{a lower}`
 * put the right article before it ("a Campaign", "an Ad").
 */
const OPERATION_TEXT: Record<string, { name: string; description: string; action: string }> = {
	create: { name: 'Create', description: 'Create {a label} (paused unless you opt in)', action: 'Create {a lower}' },
	get: { name: 'Get', description: 'Get {a label}', action: 'Get {a lower}' },
	getMany: { name: 'Get Many', description: 'List {label}s with filters', action: 'Get many {lower}s' },
	update: { name: 'Update', description: 'Change fields of {a label}', action: 'Update {a lower}' },
	pause: { name: 'Pause', description: 'Pause {a label}', action: 'Pause {a lower}' },
	activate: { name: 'Activate', description: 'Set {a label} ACTIVE so it can spend', action: 'Activate {a lower}' },
	setBudget: { name: 'Set Budget', description: 'Set the daily or lifetime budget in the account currency', action: 'Set the budget of {a lower}' },
	changeBudget: { name: 'Change Budget by %', description: 'Raise or lower the budget by a percentage, within limits', action: 'Change the budget of {a lower} by a percentage' },
	delete: { name: 'Delete', description: 'Delete {a label}', action: 'Delete {a lower}' },
};

function fill(text: string, label: string): string {
	const lower = label.toLowerCase();
	return text
		.replace(/\{a label\}/g, withArticle(label))
		.replace(/\{a lower\}/g, withArticle(lower))
		.replace(/\{label\}/g, label)
		.replace(/\{lower\}/g, lower);
}

/** The operation selector plus every operation's fields, each shown only for its resource and operation. */
export function resourceDescription(
	resource: ObjectResource,
	label: string,
	operations: ResourceOperations,
	defaultOperation: string,
): INodeProperties[] {
	const options: INodePropertyOptions[] = Object.keys(operations)
		.map((value) => {
			const text = OPERATION_TEXT[value];
			return { name: text.name, value, description: fill(text.description, label), action: fill(text.action, label) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...Object.entries(operations).flatMap(([operation, module]) => showFor(resource, operation, module.description)),
	];
}
