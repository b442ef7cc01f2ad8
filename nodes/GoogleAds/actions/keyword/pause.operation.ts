import { statusChangeModule } from '../common/statusChange';
import { keywordTarget } from './target';

export const { description, executeBatch } = statusChangeModule({
	resource: 'keyword',
	operation: 'pause',
	status: 'PAUSED',
	...keywordTarget(['adGroupCriteria']),
});
