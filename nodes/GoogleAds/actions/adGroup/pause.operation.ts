import { statusChangeModule } from '../common/statusChange';
import { adGroupTarget } from './target';

export const { description, executeBatch } = statusChangeModule({
	resource: 'adGroup',
	operation: 'pause',
	status: 'PAUSED',
	...adGroupTarget,
});
