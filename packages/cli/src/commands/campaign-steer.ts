import type { CampaignStatus } from '@intl-sms/queue';
import type { Command } from 'commander';
import { withCampaignQueue } from '../campaign-queue.js';
import { printJson, printLines } from '../output.js';
import { addQueueFlags } from '../queue-location.js';
import { notFound } from './campaign-view.js';

/** What each steering command does, in the words of its help. */
const STEERING = {
  pause: 'Workers leave the campaign alone until it is resumed; submits in flight finish',
  resume: 'Workers take the campaign again after a pause',
  cancel: 'Queued chunks are not sent; submits in flight finish and are recorded. Final',
} as const;

/** `campaign pause | resume | cancel | delete ID`. */
export function registerCampaignSteering(campaign: Command): void {
  for (const [verb, description] of Object.entries(STEERING) as [keyof typeof STEERING, string][]) {
    addQueueFlags(
      campaign.command(verb).description(description).argument('<id>', 'the campaign id'),
    ).action(async (id: string, _options: unknown, command: Command) => {
      await withCampaignQueue(command, {}, async ({ queue, global }) => {
        const steer = {
          pause: queue.pauseCampaign,
          resume: queue.resumeCampaign,
          cancel: queue.cancelCampaign,
        }[verb];
        const status: CampaignStatus = await steer.call(queue, id);
        if (global.json) printJson({ campaignId: id, state: status.state, counts: status.counts });
        else printLines(`Campaign ${id}: ${status.state}`);
      });
    });
  }
  addQueueFlags(
    campaign
      .command('delete')
      .description(
        'Delete every record of a finished (or cancelled) campaign now, not after its retention',
      )
      .argument('<id>', 'the campaign id'),
  ).action(async (id: string, _options: unknown, command: Command) => {
    await withCampaignQueue(command, {}, async ({ queue, global }) => {
      if (!(await queue.deleteCampaign(id))) throw notFound(id);
      if (global.json) printJson({ campaignId: id, deleted: true });
      else printLines(`Campaign ${id}: deleted`);
    });
  });
}
