/**
 * fetch with one retry: after a long `n8n execute` the pooled keep-alive
 * socket to the simulator may already be closed ("other side closed").
 */
export async function simFetch(url, init) {
	try {
		return await fetch(url, init);
	} catch {
		return await fetch(url, init);
	}
}
