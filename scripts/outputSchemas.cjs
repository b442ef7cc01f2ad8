// Writes the output schemas n8n's editor reads before a node has run:
// `<distDir>/nodes/<Node>/__schema__/v1.0.0/{resource}/{operation}.json`, the
// folder n8n looks in beside the node's .node.js. Used by gulpfile.js (with the
// compiled list) and by test/contracts/jsonSchemas.test.ts (with the source one).
const { mkdirSync, writeFileSync } = require('fs');
const { dirname, join } = require('path');

/** `schemas`: [{ node: 'MetaAds', file: 'v1.0.0/insights/get.json', schema }]. Returns the paths written. */
function writeOutputSchemas(schemas, distDir) {
	return schemas.map(({ node, file, schema }) => {
		const path = join(distDir, 'nodes', node, '__schema__', file);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
		return path;
	});
}

module.exports = { writeOutputSchemas };
