import { statusChangeModule } from '../common/statusChange';
import { campaignTarget } from './target';

export const { description, executeBatch } = statusChangeModule({
	resource: 'campaign',
	operation: 'pause',
	status: 'PAUSED',
	...campaignTarget,
});
