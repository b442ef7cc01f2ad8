import { execFileSync } from 'child_process';
import { join } from 'path';

// `npm start` filters n8n's output through scripts/lib/quietOutput.mjs: the two
// warnings about the local internal-mode runner go, everything else stays.
const root = join(__dirname, '..', '..');

function filtered(input: string, chunkSize = 7): string {
	const script = `
		const { sandboxOutputFilter } = await import('./scripts/lib/quietOutput.mjs');
		const input = JSON.parse(process.argv[1]);
		const filter = sandboxOutputFilter();
		let out = '';
		filter.on('data', (d) => (out += d));
		filter.on('end', () => process.stdout.write(out));
		for (let i = 0; i < input.length; i += ${chunkSize}) filter.write(input.slice(i, i + ${chunkSize}));
		filter.end();`;
	return execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(input)], { cwd: root, encoding: 'utf8' });
}

// Printed by n8n 2.40.7 on `n8n start` in the sandbox (N8N_LOG_LEVEL=warn), before the quiet settings.
const PYTHON = 'Failed to start Python task runner in internal mode. because its virtual environment is missing from this system. Launching a Python runner …';
const HEADER = 'There are deprecations related to your n8n setup. Please take the recommended actions to update your configuration:';
const RUNNERS = ' - N8N_RUNNERS_MODE -> Internal task runner mode is deprecated and will be removed in a future version.';
const TIMEOUT = ' - N8N_RUNNERS_TASK_TIMEOUT -> The default for this variable will be reduced from 300 (5 minutes) to 60 (1 minute) in a future version.';

describe('sandbox output filter', () => {
	it('drops the internal-runner warnings and the deprecations header left with nothing under it', () => {
		const input = ['n8n ready on ::, port 5678', PYTHON, '', HEADER, RUNNERS, '', 'Editor is now accessible', ''].join('\n');
		expect(filtered(input)).toBe(['n8n ready on ::, port 5678', '', 'Editor is now accessible', ''].join('\n'));
	});

	it('also drops the singular header n8n prints when the runner mode is the only deprecation', () => {
		const single = 'There is a deprecation related to your n8n setup. Please take the recommended actions to update your configuration:';
		expect(filtered([single, RUNNERS, '', 'next', ''].join('\n'))).toBe(['next', ''].join('\n'));
	});

	it('keeps any other deprecation, under its header', () => {
		const input = [HEADER, RUNNERS, TIMEOUT, '', 'next line', ''].join('\n');
		expect(filtered(input)).toBe([HEADER, TIMEOUT, '', 'next line', ''].join('\n'));
	});

	it('passes errors and everything else unchanged, whatever the chunking', () => {
		const input = ['Error: something real', 'getaddrinfo ENOTFOUND example.com', 'last line without newline'].join('\n');
		expect(filtered(input, 1)).toBe(input);
		expect(filtered(input, 1000)).toBe(input);
	});
});
