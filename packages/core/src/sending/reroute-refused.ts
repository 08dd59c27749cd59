import { ChannelUnavailableError } from '../errors/channel-unavailable-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { costOf } from '../estimate/cost-estimate.js';
import { Decimal } from '../money/decimal.js';
import { loadPhoneNormalizer } from '../phone/normalize-phone.js';
import { ChannelIndex, type ChannelPreferences } from '../routing/channel-index.js';
import type { RecipientOutcome } from '../transport/send-result.js';
import type { ChannelGroup } from './prepare-recipients.js';
import { batchesCost } from './send-outcome.js';
import type { SendPipeline } from './send-pipeline.js';
import {
  type JobFailure,
  type SubmitBatch,
  type SubmitReport,
  submitGroups,
} from './submit-groups.js';

/** How to re-route: the send's preferences, its segments, and its cap when it has one. */
export interface RerouteOptions {
  readonly preferences: ChannelPreferences;
  readonly segments: number;
  readonly cap: Decimal | undefined;
}

/**
 * Whether what the send may already have been charged — its accepted batches and its
 * submits of unknown outcome — plus the re-routed groups stays within `cap`. A price that
 * is unknown cannot be checked, so it counts as over.
 */
function withinCap(
  cap: Decimal,
  report: SubmitReport,
  rerouted: readonly ChannelGroup[],
  segments: number,
): boolean {
  let total = batchesCost(report.batches);
  for (const failure of report.failures) {
    if (!SubmitOutcomeUnknownError.isInstance(failure.error)) continue;
    if (failure.cost === undefined) return false;
    total = total.add(Decimal.parse(failure.cost));
  }
  for (const group of rerouted) {
    const cost = costOf(group, segments);
    if (cost === undefined) return false;
    total = total.add(Decimal.parse(cost));
  }
  return total.compare(cap) <= 0;
}

/** Whether a failed submit was refused because its channel is not open or disabled. */
export function isChannelRefusal(failure: JobFailure): boolean {
  return ChannelUnavailableError.isInstance(failure.error);
}

/**
 * Re-routes, once, the submits refused as "channel unavailable" using a fresh channel
 * list: exactly the numbers of those submits (already normalised and deduplicated, so
 * nothing is sent twice), each to its country's channel in the fresh list (a refusal
 * proves nothing was sent, so trying again is safe). Never throws: when the channel list
 * cannot be read, a number has no channel left, or the re-routed submits would take the
 * send over its `maxCost`, its refusal stands, and the batches already accepted are kept.
 */
export async function rerouteRefused(
  report: SubmitReport,
  outcomes: RecipientOutcome[],
  submit: SubmitBatch,
  pipeline: SendPipeline,
  { preferences, segments, cap }: RerouteOptions,
): Promise<SubmitReport> {
  const refused = report.failures.filter(isChannelRefusal);
  const kept = report.failures.filter((failure) => !isChannelRefusal(failure));
  pipeline.invalidateChannels();
  let index: ChannelIndex;
  try {
    index = new ChannelIndex(await pipeline.channels());
  } catch {
    return report;
  }
  const normalize = await loadPhoneNormalizer();
  const groups = new Map<string, ChannelGroup>();
  const stranded: JobFailure[] = [];
  for (const failure of refused) {
    const left: { phone: string; index: number }[] = [];
    failure.phones.forEach((phone, i) => {
      const position = failure.indexes[i] as number;
      const check = normalize(`+${phone}`, { validation: 'possible' });
      const channel = check.ok ? index.route(check.value, preferences) : undefined;
      if (!channel) {
        left.push({ phone, index: position });
        return;
      }
      const key = String(channel.id);
      const group = groups.get(key) ?? {
        channelId: channel.id,
        price: channel.price,
        indexes: [],
        phones: [],
      };
      group.indexes.push(position);
      group.phones.push(phone);
      groups.set(key, group);
    });
    if (left.length > 0) {
      stranded.push({
        ...failure,
        phones: left.map((entry) => entry.phone),
        indexes: left.map((entry) => entry.index),
      });
    }
  }
  const rerouted = [...groups.values()];
  if (cap !== undefined && !withinCap(cap, report, rerouted, segments)) return report;
  const retried = await submitGroups(rerouted, outcomes, submit, {
    ...pipeline.defaults,
    segments,
  });
  return {
    batches: [...report.batches, ...retried.batches],
    failures: [...kept, ...retried.failures, ...stranded],
  };
}
