/** One Graph call after auth and version stripping; shared by direct requests and batch sub-requests. */
import type { SimContext } from '../types';
import type { MetaCaller } from './auth';
import type { MetaParams } from './params';

export interface MetaCall {
	method: string;
	/** Path segments after the version, e.g. ['act_1', 'campaigns']. */
	segments: string[];
	version: string;
	params: MetaParams;
	/** Absolute URL of this call, the base of paging links. */
	selfUrl: URL;
	ctx: SimContext;
	/** Whose token the call carries; absent means the user (batch sub-calls inherit nothing else). */
	caller?: MetaCaller;
}
