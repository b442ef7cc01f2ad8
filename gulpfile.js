// Copies the non-TypeScript assets n8n needs beside each compiled node and credential
// (icons, light and dark, and codex files), and writes the output schemas n8n's editor
// reads from `__schema__/v1.0.0/{resource}/{operation}.json` beside a node's .node.js.
const { join } = require('path');
const { series, src, dest, task } = require('gulp');

const { writeOutputSchemas } = require('./scripts/outputSchemas.cjs');

function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

/** From the compiled contracts (tsc runs first): one JSON Schema file per node operation with a fixed output. */
function outputSchemas(done) {
	const { OUTPUT_SCHEMAS } = require('./dist/nodes/shared/contracts/jsonSchemas.js');
	writeOutputSchemas(OUTPUT_SCHEMAS, join(__dirname, 'dist'));
	done();
}

task('build:assets', series(copyAssets, outputSchemas));
