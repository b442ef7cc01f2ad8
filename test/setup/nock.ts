import nock from 'nock';

// Unit tests never reach a network; loopback stays open for the simulator.
beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
});

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.enableNetConnect();
});
