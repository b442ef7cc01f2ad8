import { statusChangeModule } from '../shared/statusChange';
import { keywordTarget } from './target';

export const { description, executeBatch } = statusChangeModule({
	resource: 'keyword',
	operation: 'pause',
	status: 'PAUSED',
	...keywordTarget(['adGroupCriteria']),
});
