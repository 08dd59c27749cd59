import type { Command } from 'commander';
import { registerCampaignBudget } from './campaign-budget.js';
import { registerCampaignEnqueue } from './campaign-enqueue.js';
import { registerCampaignReconcile } from './campaign-reconcile.js';
import { registerCampaignSteering } from './campaign-steer.js';
import { registerCampaignView } from './campaign-view.js';

/** `intl-sms campaign …`: queue, follow and steer campaigns that `intl-sms worker`s send. */
export function registerCampaign(program: Command): void {
  const campaign = program
    .command('campaign')
    .description(
      'Queue a CSV campaign for the workers, follow it, pause, resume, cancel, reconcile',
    )
    .addHelpText(
      'after',
      `
The queue lives in Redis: REDIS_URL (or --redis), or REDIS_CLUSTER_NODES (or --redis-cluster).
Workers (intl-sms worker) send what is queued; these commands work from any machine.

Examples:
  export REDIS_URL=redis://127.0.0.1:6379
  intl-sms campaign enqueue --file customers.csv --id spring-sale --text "Sale today"
  intl-sms campaign watch spring-sale
  intl-sms campaign status spring-sale --json
  intl-sms campaign pause spring-sale
  intl-sms campaign reconcile spring-sale --decide sent
  intl-sms campaign budget spring-sale --max-cost 40.00

Exit codes of status and watch follow the campaign: 0 all accepted (delivered), 3 some
rejected, failed, undelivered, cancelled or left unsent for the budget, 4 some outcomes unknown (reconcile).`,
    );
  registerCampaignEnqueue(campaign);
  registerCampaignView(campaign);
  registerCampaignSteering(campaign);
  registerCampaignReconcile(campaign);
  registerCampaignBudget(campaign);
  for (const command of campaign.commands) command.exitOverride().showHelpAfterError();
}
