#!/usr/bin/env node
// Writes test/workflows/n8nBuiltins.json: every node type (with its versions)
// and credential type built into the n8n the sandbox runs, read from that
// n8n's own type lists. The template shape test checks templates against it
// without needing n8n installed. Re-run after changing N8N_VERSION.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_VERSION, n8nBin, repoRoot } from './lib/n8n.mjs';

const modules = join(n8nBin, '..', '..');
const packages = { 'n8n-nodes-base': 'n8n-nodes-base', '@n8n/n8n-nodes-langchain': '@n8n/n8n-nodes-langchain' };

const nodes = {};
const credentials = new Set();
for (const [prefix, dir] of Object.entries(packages)) {
	const types = JSON.parse(readFileSync(join(modules, dir, 'dist', 'types', 'nodes.json'), 'utf8'));
	for (const type of types) {
		const name = `${prefix}.${type.name}`;
		const versions = new Set(nodes[name] ?? []);
		for (const version of [type.version].flat()) versions.add(version);
		nodes[name] = [...versions].sort((a, b) => a - b);
	}
	for (const credential of JSON.parse(readFileSync(join(modules, dir, 'dist', 'types', 'credentials.json'), 'utf8'))) credentials.add(credential.name);
}
const sorted = Object.fromEntries(Object.entries(nodes).sort(([a], [b]) => a.localeCompare(b)));
const out = join(repoRoot, 'test', 'workflows', 'n8nBuiltins.json');
writeFileSync(out, `${JSON.stringify({ n8nVersion: N8N_VERSION, nodes: sorted, credentials: [...credentials].sort() })}\n`);
console.log(`${Object.keys(sorted).length} node types and ${credentials.size} credential types of n8n ${N8N_VERSION} → ${out}`);
