import { describeErrors, parseGoogleAdsFailure } from '../../../nodes/GoogleAds/transport';
import { googleFailure } from './context';

describe('parseGoogleAdsFailure', () => {
	it('flattens code, message, trigger, field path and operation index', () => {
		const details = parseGoogleAdsFailure(googleFailure(400, [{
			errorCode: { queryError: 'UNRECOGNIZED_FIELD' },
			message: "Unrecognized field in the query: 'campaign.nme'.",
			trigger: { stringValue: 'campaign.nme' },
		}, {
			errorCode: { stringLengthError: 'TOO_LONG' },
			message: 'Too long.',
			location: { fieldPathElements: [{ fieldName: 'mutate_operations', index: 4 }, { fieldName: 'ad_group_ad_operation' }, { fieldName: 'headlines', index: 1 }, { fieldName: 'text' }] },
		}]));
		expect(details).toEqual([
			{ code: 'QueryError.UNRECOGNIZED_FIELD', errorType: 'queryError', errorValue: 'UNRECOGNIZED_FIELD', message: "Unrecognized field in the query: 'campaign.nme'.", trigger: 'campaign.nme', requestId: 'req-42' },
			{ code: 'StringLengthError.TOO_LONG', errorType: 'stringLengthError', errorValue: 'TOO_LONG', message: 'Too long.', fieldPath: 'mutate_operations[4].ad_group_ad_operation.headlines[1].text', operationIndex: 4, requestId: 'req-42' },
		]);
	});

	it('keeps policy exemption keys and policy topics', () => {
		const [violation, finding] = parseGoogleAdsFailure(googleFailure(400, [{
			errorCode: { policyViolationError: 'POLICY_ERROR' },
			message: 'A policy was violated.',
			details: { policyViolationDetails: { externalPolicyName: 'Healthcare', key: { policyName: 'pharma', violatingText: 'cheap pharmacy' }, isExemptible: true } },
		}, {
			errorCode: { policyFindingError: 'POLICY_FINDING' },
			message: 'Disapproved.',
			details: { policyFindingDetails: { policyTopicEntries: [{ topic: 'UNSUBSTANTIATED_CLAIMS', type: 'PROHIBITED' }] } },
		}]));
		expect(violation.policy).toEqual({ isExemptible: true, exemptPolicyViolationKey: { policyName: 'pharma', violatingText: 'cheap pharmacy' }, externalPolicyName: 'Healthcare' });
		expect(finding.policy).toEqual({ policyTopics: ['UNSUBSTANTIATED_CLAIMS'] });
		expect(describeErrors([violation])).toContain('exemptible=true');
	});

	it('reads RetryInfo beside the failure and searchStream error arrays; ignores foreign bodies', () => {
		const body = googleFailure(429, [{ errorCode: { quotaError: 'RESOURCE_EXHAUSTED' }, message: 'slow down' }], [
			{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3.5s' },
		]);
		expect(parseGoogleAdsFailure([body])[0].retryDelayMs).toBe(3500);
		expect(parseGoogleAdsFailure('<html>')).toEqual([]);
		expect(parseGoogleAdsFailure({ error: { code: 500, message: 'x' } })).toEqual([]);
	});
});
