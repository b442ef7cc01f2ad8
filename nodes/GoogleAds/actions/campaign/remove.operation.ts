import { statusChangeModule } from '../shared/statusChange';
import { campaignTarget } from './target';

export const { description, executeBatch } = statusChangeModule({
	resource: 'campaign',
	operation: 'remove',
	status: 'REMOVED',
	...campaignTarget,
});
