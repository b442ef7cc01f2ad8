import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import { resourceDescription } from '../common/resource';
import * as activate from './activate.operation';
import * as changeBudget from './changeBudget.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as pause from './pause.operation';
import * as setBudget from './setBudget.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getMany, update, pause, activate, setBudget, changeBudget, delete: del };

export const description: INodeProperties[] = resourceDescription('campaign', 'Campaign', operations, 'getMany');
