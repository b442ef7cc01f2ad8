import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import { resourceDescription } from '../common/resource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { create, get, getMany, delete: del };

export const description: INodeProperties[] = resourceDescription('adCreative', 'Ad Creative', operations, 'getMany');
