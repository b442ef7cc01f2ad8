/** Loading templates from workflows/; the credentials they run with come from test/helpers. */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { WorkflowJson } from '../harness/runWorkflow';

export function loadTemplate(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', file), 'utf8')) as WorkflowJson;
}

export { simulatorCredentials } from '../helpers/simulatorCredentials';
