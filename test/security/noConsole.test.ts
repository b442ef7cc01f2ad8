import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

// Shipped code never logs: a log line is where tokens leak first.
const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

describe('shipped code', () => {
	const files = [...sources(join(root, 'nodes')), ...sources(join(root, 'credentials'))];

	it('has files to check', () => {
		expect(files.length).toBeGreaterThan(50);
	});

	it('never writes to the console or to process streams', () => {
		const offenders = files.filter((file) => /\bconsole\.\w+\(|process\.(stdout|stderr)\.write/.test(readFileSync(file, 'utf8')));
		expect(offenders.map((file) => relative(root, file))).toEqual([]);
	});
});
