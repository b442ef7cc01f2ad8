import { NodeOperationError, type INode } from 'n8n-workflow';

/** A byte range [start, end) of the file, as Meta asks for it. */
export interface ChunkRange {
	start: number;
	end: number;
}

/** Offsets as Meta sends them: decimal strings (sometimes numbers). */
export interface RawOffsets {
	start_offset?: unknown;
	end_offset?: unknown;
}

export interface UploadScope {
	node: INode;
	itemIndex: number;
}

function toOffset(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/**
 * The next range Meta asks for. The server decides each chunk's boundaries,
 * so we never compute them ourselves; we only refuse ranges that cannot be
 * right (outside the file, or backwards) instead of looping on them.
 */
export function parseRange(raw: RawOffsets | undefined, fileSize: number, scope: UploadScope, what: string): ChunkRange {
	const start = toOffset(raw?.start_offset);
	const end = toOffset(raw?.end_offset);
	if (start === undefined || end === undefined || start > end || end > fileSize) {
		throw new NodeOperationError(
			scope.node,
			`Meta answered the video ${what} with unusable offsets on item ${scope.itemIndex}: start_offset ${JSON.stringify(raw?.start_offset)}, end_offset ${JSON.stringify(raw?.end_offset)} for a file of ${fileSize} bytes`,
			{ itemIndex: scope.itemIndex },
		);
	}
	return { start, end };
}

/** Meta signals the end of the transfer phase with start_offset == end_offset. */
export function isTransferDone(range: ChunkRange): boolean {
	return range.start === range.end;
}

export function rangeLength(range: ChunkRange): number {
	return range.end - range.start;
}
