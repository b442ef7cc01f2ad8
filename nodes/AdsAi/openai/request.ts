/**
 * The Responses request body: instructions, the user input, the strict JSON
 * schema and the sampling settings the user chose. This is everything sent
 * to OpenAI (`store: false`: OpenAI is asked not to keep it).
 */
import type { IDataObject } from 'n8n-workflow';

export interface ModelSettings {
	model: string;
	maxOutputTokens: number;
	temperature: number | null;
	seed: number | null;
}

export interface StructuredRequest {
	instructions: string;
	input: string;
	schemaName: string;
	schema: Record<string, unknown>;
}

export function responsesBody(settings: ModelSettings, request: StructuredRequest): IDataObject {
	const body: IDataObject = {
		model: settings.model,
		instructions: request.instructions,
		input: request.input,
		text: { format: { type: 'json_schema', name: request.schemaName, strict: true, schema: request.schema } },
		store: false,
		max_output_tokens: settings.maxOutputTokens,
	};
	// Only when set: reasoning models (gpt-5 family) reject temperature, and seed is for gateways that support it.
	if (settings.temperature !== null) body.temperature = settings.temperature;
	if (settings.seed !== null) body.seed = settings.seed;
	return body;
}
