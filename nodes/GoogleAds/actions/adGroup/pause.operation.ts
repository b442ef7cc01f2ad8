import { statusChangeModule } from '../shared/statusChange';
import { adGroupTarget } from './target';

export const { description, executeBatch } = statusChangeModule({
	resource: 'adGroup',
	operation: 'pause',
	status: 'PAUSED',
	...adGroupTarget,
});
