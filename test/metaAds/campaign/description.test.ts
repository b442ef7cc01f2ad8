import type { INodeProperties } from 'n8n-workflow';

import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { metaAdsOperations } from '../../../nodes/MetaAds/actions/resources';

const properties = new MetaAds().description.properties;

describe.each(['campaign', 'adSet', 'ad', 'adCreative'])('%s description', (resource) => {
	const selector = properties.find(
		(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	) as INodeProperties;
	const options = (selector.options ?? []) as Array<{ value: string; action?: string }>;

	it('has an operation selector with noDataExpression and an action per operation', () => {
		expect(selector.noDataExpression).toBe(true);
		expect(options.map((o) => o.value).sort()).toEqual(Object.keys(metaAdsOperations[resource]).sort());
		for (const option of options) expect(option.action).toEqual(expect.any(String));
	});

	it('shows every field only for its resource and operation', () => {
		const fields = properties.filter((p) => (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) && p.name !== 'operation');
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) expect(field.displayOptions?.show?.operation).toHaveLength(1);
	});

	it('never offers ACTIVE on create without the opt-in flag', () => {
		const create = properties.filter((p) => (p.displayOptions?.show?.operation as string[] | undefined)?.[0] === 'create' && (p.displayOptions?.show?.resource as string[])[0] === resource);
		const optIn = create.find((p) => p.name === 'activateOnCreate');
		if (resource === 'adCreative') return expect(optIn).toBeUndefined();
		expect(optIn).toMatchObject({ type: 'boolean', default: false });
		expect(create.some((p) => p.name === 'status')).toBe(false);
	});
});

describe('executeBatch operations', () => {
	it('pause, activate and delete go through the batch path', () => {
		for (const resource of ['campaign', 'adSet', 'ad']) {
			for (const operation of ['pause', 'activate', 'delete']) expect(metaAdsOperations[resource][operation].executeBatch).toBeInstanceOf(Function);
		}
		expect(metaAdsOperations.adCreative.delete.executeBatch).toBeInstanceOf(Function);
	});
});
