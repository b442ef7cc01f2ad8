// n8n's community-node rules (the strict set, as for verified nodes) over the
// shipped code: nodes/, credentials/ and package.json.
import { configs } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default [
	{ ignores: ['dist/**', 'build/**', 'node_modules/**', 'test/**', 'simulator/**', 'bench/**', 'scripts/**', '*.js', '*.mjs'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
		},
		...configs.recommended,
	},
	{
		// typescript-eslint parses JSON as one object expression, which the package.json rules expect.
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		...configs.recommended,
	},
];
