import nock from 'nock';

// Unit tests never reach a network; loopback stays open for the simulator.
// Jest gives each test file its own nock instance in a shared worker: activate
// ours for this file and restore afterwards, or the previous file's instance
// keeps intercepting and answers 501 for the mocks this file registers.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
});

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});
