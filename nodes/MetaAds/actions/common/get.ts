import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/n8n/operation';
import { graphRequest } from '../../transport';
import { targetFields } from './fields';
import { getObjectId } from './ids';
import type { ObjectKind } from './kinds';
import { fieldsProperty, presentObject, requestedFields } from './read';

export function makeGet(kind: ObjectKind): OperationModule {
	return {
		description: [...targetFields(kind), fieldsProperty(kind)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = getObjectId(this, kind.idParam, kind.label, itemIndex);
			const fields = requestedFields(this, itemIndex);
			const object = await graphRequest<IDataObject>(this, {
				method: 'GET',
				path: `/${id}`,
				qs: { fields: fields.join(',') },
				itemIndex,
			});
			return presentObject(this, object, fields, itemIndex);
		},
	};
}
