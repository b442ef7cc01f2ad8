import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

// Meta leaves deleted and archived objects out of insights unless asked
// (Include Deleted and Archived). Every template that reads Meta insights
// says which it wants, so nobody inherits the default without knowing.
const dir = join(__dirname, '..', '..', 'workflows');
const insightsNodes = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.flatMap((file) =>
		(JSON.parse(readFileSync(join(dir, file), 'utf8')).nodes as Array<{ name: string; type: string; parameters: Record<string, any> }>)
			.filter((n) => n.type === 'n8n-nodes-adpilot.metaAds' && n.parameters.resource === 'insights')
			.map((node) => [file, node.name, node.parameters] as const),
	);

describe('templates reading Meta insights', () => {
	it('exist (else this checks nothing)', () => {
		expect(insightsNodes.length).toBeGreaterThan(0);
	});

	it.each(insightsNodes)('%s "%s" sets Include Deleted and Archived explicitly', (_file, _name, parameters) => {
		expect(typeof parameters.options?.includeDeletedArchived).toBe('boolean');
	});
});
