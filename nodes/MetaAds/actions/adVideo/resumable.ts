import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, graphRequest, isGraphApiError, type GraphApiError, type TransportOptions } from '../../transport';
import type { RawOffsets } from '../../uploads/chunkPlan';
import type { ResumableApi, StartAnswer, TransferOutcome } from '../../uploads/resumableSession';

/** Meta's "offset mismatch" answer to a transfer: resume from error_data's offsets. */
const OFFSET_MISMATCH = { code: 6001, subcode: 1363037 };

function isOffsetMismatch(error: unknown): error is GraphApiError {
	return isGraphApiError(error) && error.graph.code === OFFSET_MISMATCH.code && error.graph.subcode === OFFSET_MISMATCH.subcode;
}

function offsetsOf(data: unknown): RawOffsets | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const { start_offset, end_offset } = data as RawOffsets;
	return start_offset !== undefined && end_offset !== undefined ? { start_offset, end_offset } : undefined;
}

/** The three phases of /act_X/advideos sent through the Meta transport. */
export function advideosApi(
	ctx: IExecuteFunctions,
	accountId: string,
	title: string | undefined,
	itemIndex: number,
	transport: TransportOptions | undefined,
): ResumableApi {
	const path = `/${accountId}/advideos`;
	return {
		async start(fileSize) {
			return await graphRequest<StartAnswer>(ctx, {
				method: 'POST',
				path,
				body: { upload_phase: 'start', file_size: fileSize },
				itemIndex,
				options: transport,
			});
		},
		async transfer(_range, multipart): Promise<TransferOutcome> {
			try {
				// The body is one ready Buffer; its Content-Type carries the multipart boundary.
				const next = await graphRequest<RawOffsets>(ctx, {
					method: 'POST',
					path,
					body: multipart.body,
					headers: { 'Content-Type': multipart.contentType },
					// Meta never redirects a transfer; following one would re-send or drop the chunk.
					followRedirects: false,
					itemIndex,
					options: transport,
				});
				return { next: next ?? {} };
			} catch (error) {
				if (!isOffsetMismatch(error)) throw asNodeError(ctx.getNode(), error, itemIndex);
				const resumeFrom = offsetsOf(error.graph.errorData);
				if (resumeFrom) return { resumeFrom };
				throw new NodeOperationError(ctx.getNode(), `Meta rejected the chunk offsets of the video on item ${itemIndex} without saying where to resume`, {
					itemIndex,
					description: `${error.message} ${error.description ?? ''}`.trim(),
				});
			}
		},
		async finish(sessionId) {
			const body: Record<string, string> = { upload_phase: 'finish', upload_session_id: sessionId };
			if (title) body.title = title;
			await graphRequest(ctx, { method: 'POST', path, body, itemIndex, options: transport });
		},
	};
}
