/** Loading templates from workflows/; the credentials they run with come from test/helpers. */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { WorkflowJson } from '../harness/runWorkflow';

/** Placeholders (YOUR_META_AD_ACCOUNT_ID…) → the simulator's ids, as `npm start` fills them on import. */
const placeholders = JSON.parse(readFileSync(join(__dirname, '..', '..', 'scripts', 'lib', 'sandbox-placeholders.json'), 'utf8')) as Record<string, string>;

export function loadTemplate(file: string): WorkflowJson {
	let text = readFileSync(join(__dirname, '..', '..', 'workflows', file), 'utf8');
	for (const [placeholder, value] of Object.entries(placeholders)) text = text.split(placeholder).join(value);
	return JSON.parse(text) as WorkflowJson;
}

export { simulatorCredentials } from '../helpers/simulatorCredentials';
