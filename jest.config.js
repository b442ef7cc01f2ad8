/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Type checking is `npm run lint`'s job; transpile-only keeps the suite fast.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
	setupFilesAfterEnv: ['<rootDir>/test/setup/nock.ts'],
	testTimeout: 60_000,
};
