import type { Command } from 'commander';
import { describeCampaign } from '../campaign-output.js';
import { withCampaignQueue } from '../campaign-queue.js';
import { printJson, printLines } from '../output.js';
import { addQueueFlags } from '../queue-location.js';
import { maxCostFromFlag } from './campaign-enqueue.js';

/** `campaign budget ID --max-cost AMOUNT`: set a campaign's cap; what the old one left unsent is queued again. */
export function registerCampaignBudget(campaign: Command): void {
  addQueueFlags(
    campaign
      .command('budget')
      .description(
        "Set a campaign's maxCost: raising it queues again what the old cap left unsent (state budget-exceeded)",
      )
      .argument('<id>', 'the campaign id')
      .requiredOption('--max-cost <amount>', 'the new cap, in the account currency, e.g. 40.00')
      .addHelpText(
        'after',
        `
What the campaign already committed (accepted cost, and estimates of submits in flight or
of unknown outcome) counts against the new cap; a cap still too low stops it again.

Example:
  intl-sms campaign budget spring-sale --max-cost 40.00`,
      ),
  ).action(async (id: string, options: { maxCost: string }, command: Command) => {
    const maxCost = maxCostFromFlag(options.maxCost);
    await withCampaignQueue(command, {}, async ({ queue, global }) => {
      const status = await queue.setCampaignMaxCost(id, maxCost);
      if (global.json)
        return printJson({
          campaignId: id,
          state: status.state,
          totalCost: status.totalCost,
          budget: status.budget,
          counts: status.counts,
        });
      printLines(...describeCampaign(status));
    });
  });
}
