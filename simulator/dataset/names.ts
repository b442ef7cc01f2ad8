/** Word lists for believable, deterministic entity names. */
import { pick } from './prng';

const AUDIENCES = ['Prospecting', 'Retargeting', 'Lookalike 1%', 'Broad', 'Advantage+', 'Interest Stack'];
const THEMES = ['Spring Sale', 'Evergreen', 'Black Friday', 'New Arrivals', 'Lead Magnet', 'Webinar', 'Bestsellers', 'Clearance'];
const MARKETS = ['DE', 'US', 'FR', 'UK', 'JP', 'NL', 'ES'];
const AGES = ['18-24', '18-34', '25-44', '35-54', '45-65+', '18-65+'];
const GENDERS = ['All', 'F', 'M'];
const PLACEMENTS = ['Feeds', 'Reels', 'Stories', 'Auto placements'];
const FORMATS = ['Video', 'Image', 'Carousel', 'Collection'];
const HOOKS = ['UGC Testimonial', 'Problem-Solution', 'Founder Story', 'Price Anchor', 'Before-After', 'Unboxing', 'Social Proof', 'Offer 20%'];
const COMPANIES = ['Nordlicht Shop', 'Acme Outdoor', 'Sakura Home', 'Bluebird Labs', 'Maple & Co', 'Kite Fitness'];

export function campaignName(random: () => number, index: number): string {
	return `${pick(random, AUDIENCES)} – ${pick(random, THEMES)} ${pick(random, MARKETS)} #${index + 1}`;
}

export function adSetName(random: () => number, index: number): string {
	return `${pick(random, AGES)} ${pick(random, GENDERS)} ${pick(random, PLACEMENTS)} #${index + 1}`;
}

export function adName(random: () => number, index: number): string {
	return `${pick(random, FORMATS)} – ${pick(random, HOOKS)} v${index + 1}`;
}

export function accountName(index: number): string {
	return `${COMPANIES[index % COMPANIES.length]}${index >= COMPANIES.length ? ` ${Math.floor(index / COMPANIES.length) + 1}` : ''}`;
}

export function businessName(index: number): string {
	return `${COMPANIES[index % COMPANIES.length]} Business`;
}
