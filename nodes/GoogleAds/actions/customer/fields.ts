import type { IDataObject } from 'n8n-workflow';

/** Customer / customer_client rows flattened for n8n items; ids without dashes. */
export function customerItem(row: IDataObject): IDataObject {
	const c = (row.customer ?? {}) as IDataObject;
	return {
		customerId: String(c.id ?? ''),
		name: c.descriptiveName ?? null,
		currency: c.currencyCode ?? null,
		timeZone: c.timeZone ?? null,
		manager: c.manager === true,
		testAccount: c.testAccount === true,
		status: c.status ?? null,
		autoTaggingEnabled: c.autoTaggingEnabled ?? null,
		resourceName: c.resourceName ?? `customers/${String(c.id ?? '')}`,
	};
}

export function clientItem(row: IDataObject, managerId: string): IDataObject {
	const c = (row.customerClient ?? {}) as IDataObject;
	return {
		customerId: String(c.id ?? ''),
		name: c.descriptiveName ?? null,
		currency: c.currencyCode ?? null,
		timeZone: c.timeZone ?? null,
		manager: c.manager === true,
		level: Number(c.level ?? 0),
		status: c.status ?? null,
		hidden: c.hidden === true,
		testAccount: c.testAccount === true,
		managerId,
	};
}

export const CUSTOMER_FIELDS = [
	'customer.resource_name', 'customer.id', 'customer.descriptive_name', 'customer.currency_code', 'customer.time_zone',
	'customer.manager', 'customer.test_account', 'customer.status', 'customer.auto_tagging_enabled',
];

export const CLIENT_FIELDS = [
	'customer_client.id', 'customer_client.descriptive_name', 'customer_client.currency_code', 'customer_client.time_zone',
	'customer_client.manager', 'customer_client.level', 'customer_client.status', 'customer_client.hidden', 'customer_client.test_account',
];
