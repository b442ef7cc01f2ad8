import { statusChangeModule } from '../common/statusChange';
import { keywordTarget } from './target';

// Campaign-level negatives live in campaignCriteria; Remove takes those too.
export const { description, executeBatch } = statusChangeModule({
	resource: 'keyword',
	operation: 'remove',
	status: 'REMOVED',
	...keywordTarget(['adGroupCriteria', 'campaignCriteria']),
});
