/**
 * Starts the simulator from the command line (sandbox, e2e, manual poking):
 *   node build/simulator/cli.js --port 5680 --seed 1 --days 30 --ads 2000
 * Prints the base URLs and stops on SIGINT/SIGTERM.
 */
import type { DatasetSettings } from './types';
import { DEFAULT_DATASET } from './dataset/tree';
import { startSimulator, type SimulatorOptions } from './server';
import type { MetaKnobs } from './meta/knobs';

const USAGE = `Usage: simulator [options]
  --port N              listen port on 127.0.0.1 (default 5680, beside n8n's 5678 and its task broker's 5679; 0 = random)
  --smtp-port N         also run the SMTP sink (mails appear under GET /hooks, path /email)
  --seed N              dataset seed (default 1)
  --days N              days of history ending yesterday (default 90)
  --today YYYY-MM-DD    the dataset's "today" (default: the real date)
  --accounts N          ad accounts (default 3: EUR, USD, JPY)
  --campaigns N         campaigns per account
  --adsets N            ad sets per campaign
  --ads-per-adset N     ads per ad set
  --ads N               total ads wanted; sets ads per ad set accordingly
  --error-rate X        injected fault probability 0..1
  --latency MS          added latency per request
  --fault-seed N        seed of the fault draws
  --async-polls N       polls until an async insights job completes
  --video-processing-ms N
  --max-sync-rows N     sync insights rows before 100/1504018`;

function parseArgs(argv: string[]): Map<string, string> {
	const args = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') args.set('help', 'true');
		else if (arg.startsWith('--')) {
			const [key, inline] = arg.slice(2).split('=', 2);
			args.set(key, inline ?? argv[++i] ?? '');
		}
	}
	return args;
}

function numberArg(args: Map<string, string>, key: string): number | undefined {
	const raw = args.get(key);
	if (raw === undefined) return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value)) throw new Error(`--${key} must be a number, got "${raw}"`);
	return value;
}

export function optionsFromArgs(argv: string[]): SimulatorOptions | undefined {
	const args = parseArgs(argv);
	if (args.has('help')) return undefined;
	const dataset: Partial<DatasetSettings> = {};
	const set = <K extends keyof DatasetSettings>(key: K, value: DatasetSettings[K] | undefined) => {
		if (value !== undefined) dataset[key] = value;
	};
	set('seed', numberArg(args, 'seed'));
	set('days', numberArg(args, 'days'));
	set('today', args.get('today'));
	set('accounts', numberArg(args, 'accounts'));
	set('campaignsPerAccount', numberArg(args, 'campaigns'));
	set('adSetsPerCampaign', numberArg(args, 'adsets'));
	set('adsPerAdSet', numberArg(args, 'ads-per-adset'));
	const totalAds = numberArg(args, 'ads');
	if (totalAds !== undefined) {
		const merged = { ...DEFAULT_DATASET, ...dataset };
		const adSets = merged.accounts * merged.campaignsPerAccount * merged.adSetsPerCampaign;
		dataset.adsPerAdSet = Math.max(1, Math.ceil(totalAds / Math.max(1, adSets)));
	}
	const meta: Partial<MetaKnobs> = {};
	const asyncPolls = numberArg(args, 'async-polls');
	if (asyncPolls !== undefined) meta.asyncPollsToComplete = asyncPolls;
	const processing = numberArg(args, 'video-processing-ms');
	if (processing !== undefined) meta.videoProcessingMs = processing;
	const maxSync = numberArg(args, 'max-sync-rows');
	if (maxSync !== undefined) meta.insightsMaxSyncRows = maxSync;
	return {
		port: numberArg(args, 'port') ?? 5680,
		smtpPort: numberArg(args, 'smtp-port'),
		dataset,
		meta,
		faults: {
			errorRate: numberArg(args, 'error-rate') ?? 0,
			latencyMs: numberArg(args, 'latency') ?? 0,
			seed: numberArg(args, 'fault-seed') ?? 1,
		},
	};
}

async function main(): Promise<void> {
	const options = optionsFromArgs(process.argv.slice(2));
	if (!options) {
		console.log(USAGE);
		return;
	}
	const sim = await startSimulator(options);
	const d = sim.dataset;
	const ads = d.accounts * d.campaignsPerAccount * d.adSetsPerCampaign * d.adsPerAdSet;
	console.log(`AdPilot simulator on ${sim.url} (seed ${d.seed}, ${d.accounts} accounts, ${ads} ads, ${d.days} days to ${d.today})`);
	console.log(`  Meta:    ${sim.metaBaseUrl}  (e.g. ${sim.metaBaseUrl}/v25.0/me)`);
	console.log(`  Google:  ${sim.googleBaseUrl}  token: ${sim.googleTokenUrl}`);
	console.log(`  OpenAI:  ${sim.openAiBaseUrl}`);
	if (sim.smtpPort !== null) console.log(`  SMTP:    127.0.0.1:${sim.smtpPort}  (mails recorded under ${sim.hooksBaseUrl}, path /email)`);
	console.log(`  Admin:   ${sim.url}/_sim/counts | /_sim/faults | /_sim/meta | /_sim/openai | /_sim/reset`);
	const stop = () => {
		sim.close().finally(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`simulator: ${error.message}`);
		process.exit(1);
	});
}
