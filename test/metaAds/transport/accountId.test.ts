import { NodeOperationError } from 'n8n-workflow';
import '../../helpers'; // restores nock after this file (see test/helpers/nockIsolation.ts)

import { normalizeAdAccountId } from '../../../nodes/MetaAds/transport';

describe('normalizeAdAccountId', () => {
	it.each([
		['act_123', 'act_123'],
		['123', 'act_123'],
		['  ACT_987  ', 'act_987'],
		['https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=555&business_id=9', 'act_555'],
		['https://business.facebook.com/adsmanager/manage/ads?global_scope_id=1&act=42', 'act_42'],
	])('%s → %s', (raw, expected) => {
		expect(normalizeAdAccountId(raw)).toBe(expected);
	});

	it.each(['', 'act_', 'abc', 'act_12x', 'https://example.com/?foo=1', 'act=12'])('rejects %j clearly', (raw) => {
		let error: unknown;
		try {
			normalizeAdAccountId(raw, 4);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toContain('is not a Meta ad account ID');
		expect((error as NodeOperationError).description).toContain('item 4');
		expect((error as NodeOperationError).context.itemIndex).toBe(4);
	});
});
