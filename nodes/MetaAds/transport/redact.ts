// Meta sometimes echoes request URLs (with access_token) or the token itself in
// error text. Scrub both before anything reaches an error, a log or an item.
const PATTERNS: Array<[RegExp, string]> = [
	[/(access_token|appsecret_proof|client_secret)=[^&\s"']+/gi, '$1=[redacted]'],
	[/\bEAA[A-Za-z0-9]{10,}/g, '[redacted token]'],
	[/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]'],
];

export function redactSecrets(text: string): string {
	let out = text;
	for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
	return out;
}
