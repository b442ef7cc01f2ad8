import nock from 'nock';

// Jest runs several test files in one worker. nock patches Node's http module
// globally, and each file gets its own nock instance: without restore(), the
// previous file's instance keeps intercepting and answers 501 for the mocks
// this file registered. Activate per file, restore after. Harmless if
// test/setup/nock.ts does the same.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
});

afterAll(() => {
	nock.restore();
});
