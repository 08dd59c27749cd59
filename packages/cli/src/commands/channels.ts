import type { Command } from 'commander';
import { type GlobalOptions, transportFor } from '../context.js';
import { channelMatchesCountry } from '../country.js';
import { printJson, printTable } from '../output.js';

/** `intl-sms channels [--country PH] [--enabled]`. */
export function registerChannels(program: Command): void {
  program
    .command('channels')
    .description('List the channels opened for the account: id, country, operator, price, status')
    .option('--country <country>', 'only this country: ISO code (PH), calling code (63) or name')
    .option('--enabled', 'only enabled channels')
    .addHelpText(
      'after',
      '\nExamples:\n  intl-sms channels\n  intl-sms channels --country PH --enabled --json',
    )
    .action(async (options: { country?: string; enabled?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const sms = transportFor(global);
      try {
        const channels = (await sms.listChannels()).filter(
          (channel) =>
            (!options.enabled || channel.enabled) &&
            (!options.country || channelMatchesCountry(channel, options.country)),
        );
        if (global.json) return printJson({ channels });
        printTable(
          ['id', 'country', 'calling code', 'operator', 'price / segment', 'status'],
          channels.map((c) => [
            String(c.id),
            `${c.nameEn} ${c.nameZh}`.trim(),
            /^\d+$/.test(c.countryCode) ? `+${c.countryCode}` : c.countryCode,
            c.operator,
            c.price,
            c.enabled ? 'enabled' : 'disabled',
          ]),
        );
      } finally {
        await sms.close();
      }
    });
}
