import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';

// Filled in by the adGroup work; see the operation files beside this one.
export const operations: ResourceOperations = {};

export const description: INodeProperties[] = [];
