/** Per-label request counts; every served request counts, faulted ones included. */
export class RequestCounter {
	private counts = new Map<string, number>();
	private total = 0;

	/** One HTTP request reached an API (admin calls are not counted). */
	countRequest(label: string): void {
		this.total++;
		this.add(label);
	}

	/** A label without an HTTP request of its own, e.g. a sub-request of a Meta batch. */
	add(label: string): void {
		this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
	}

	snapshot(): Record<string, number> {
		return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
	}

	totalRequests(): number {
		return this.total;
	}

	reset(): void {
		this.counts = new Map();
		this.total = 0;
	}
}
