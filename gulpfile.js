// Copies the non-TypeScript assets n8n needs beside each compiled node and credential:
// icons (light and dark) and codex files.
const { src, dest, task } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

task('build:assets', copyAssets);
