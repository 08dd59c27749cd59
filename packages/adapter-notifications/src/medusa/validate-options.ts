import { parseMaxCost } from '@intl-sms/core';
import { MedusaError } from '@medusajs/framework/utils';

const invalid = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `intl-sms: ${message}`);

/**
 * Refuses missing credentials (unless a `transport` is given), malformed `templates`,
 * a bad `incomplete`, `onIncompleteSend`, `smartEncoding` or `maxCost`, before Medusa starts.
 */
export function validateMedusaOptions(options: Record<string, unknown>): void {
  if (!options || typeof options !== 'object') throw invalid('the provider needs options');
  if (options.transport === undefined) {
    for (const [key, env] of [
      ['account', 'SJROOM_ACCOUNT'],
      ['password', 'SJROOM_PASSWORD'],
    ] as const) {
      const value = options[key] ?? process.env[env];
      if (typeof value !== 'string' || value === '')
        throw invalid(`option \`${key}\` is required (or set ${env})`);
    }
  }
  const { templates, incomplete, onIncompleteSend } = options;
  if (
    templates !== undefined &&
    (typeof templates !== 'object' ||
      templates === null ||
      Object.values(templates).some((t) => typeof t !== 'string'))
  ) {
    throw invalid('option `templates` must map template names to texts');
  }
  if (incomplete !== undefined && incomplete !== 'resolve' && incomplete !== 'reject')
    throw invalid('option `incomplete` must be "resolve" or "reject"');
  if (onIncompleteSend !== undefined && typeof onIncompleteSend !== 'function')
    throw invalid('option `onIncompleteSend` must be a function');
  const { smartEncoding, maxCost } = options;
  if (smartEncoding !== undefined && typeof smartEncoding !== 'boolean')
    throw invalid('option `smartEncoding` must be true or false');
  try {
    parseMaxCost(maxCost, 'maxCost');
  } catch (error) {
    throw invalid(`option \`maxCost\`: ${(error as Error).message}`);
  }
}
