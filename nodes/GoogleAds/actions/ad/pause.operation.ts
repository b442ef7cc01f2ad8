import { statusChangeModule } from '../common/statusChange';
import { adTarget } from './target';

export const { description, executeBatch } = statusChangeModule({
	resource: 'ad',
	operation: 'pause',
	status: 'PAUSED',
	...adTarget,
});
