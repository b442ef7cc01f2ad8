/** Helpers for OpenAI strict schemas: every property required, no extras, optional = nullable. */
export type Schema = Record<string, unknown>;

export function object(properties: Record<string, Schema>): Schema {
	return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}

export const string = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
export const number = (description?: string): Schema => ({ type: 'number', ...(description ? { description } : {}) });
export const nullableString = (description?: string): Schema => ({ type: ['string', 'null'], ...(description ? { description } : {}) });
export const nullableNumber = (description?: string): Schema => ({ type: ['number', 'null'], ...(description ? { description } : {}) });
export const array = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });
export const enumOf = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });
export const nullableEnumOf = (values: readonly string[]): Schema => ({ type: ['string', 'null'], enum: [...values, null] });
