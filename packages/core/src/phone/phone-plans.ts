import type { Metadata } from 'libphonenumber-js/min';
import { PHONE_PLANS_TEXT } from './phone-plans.generated.js';
import { MAX_WIRE_DIGITS } from './wire-number-value.js';

/** A calling code's plan, as the fast path uses it. */
interface Plan {
  readonly country: string;
  /**
   * The calling code then the national number pattern, anchored at both ends: tried on
   * the whole number, so the national part is never copied out.
   */
  readonly valid: RegExp;
  /**
   * Whether the national part starts with the national prefix for parsing (which parsing
   * would strip); undefined when the plan has none.
   */
  readonly hasPrefix: ((digits: string) => boolean) | undefined;
}

/** What the fast path decided for a number written internationally. */
export interface FastPhone {
  readonly input: string;
  readonly phone: string;
  readonly e164: string;
  readonly country: string;
  readonly callingCode: string;
}

type MetadataClass = new () => Metadata;

let sources: Map<string, readonly string[]> | undefined;
let metadata: (Metadata & MetadataInternals) | undefined;
/**
 * Calling code → its plan, `null` when the fast path must not decide it, `false` when no
 * country has that calling code.
 */
const plans = new Map<string, Plan | null | false>();
/**
 * The last calling code decided and its plan: numbers come in runs of one destination.
 * Calling codes are prefix-free, so a number that starts with it has no other.
 */
let last: { readonly code: string; readonly plan: Plan } | undefined;

/** The parts of libphonenumber-js's `Metadata` the check below reads (public but untyped). */
interface MetadataInternals {
  hasCallingCode(code: string): boolean;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  numberingPlan: {
    nationalNumberPattern(): string;
    nationalPrefixForParsing(): string | number | undefined;
    hasTypes(): boolean;
  };
}

/**
 * The fast path of normalisation for a number written internationally (`digits`: what
 * follows `+`): for a calling code of one country, the build-time plan
 * (`phone-plans.generated.ts`, from libphonenumber-js's metadata) decides a valid
 * number with two regular expressions — the national number pattern, and that no
 * national prefix would be stripped. It returns `undefined` whenever the full parse
 * might answer anything else: a shared calling code (+1, +7, +44…), a plan whose
 * metadata at run time differs from the build's, a number the pattern rejects (the full
 * parse then words the reason), text that is not all digits (the patterns take digits
 * only). So its answers are the full parse's, only cheaper.
 */
export function fastInternational(
  MetadataOfParser: MetadataClass,
  digits: string,
  /** The caller's text (default: `+digits`), and the E.164 form when it is exactly that. */
  input = `+${digits}`,
): FastPhone | undefined {
  if (digits.length < 3 || digits.charCodeAt(0) === 0x30) return undefined;
  let callingCode: string | undefined;
  let plan: Plan | undefined;
  if (last !== undefined && digits.startsWith(last.code)) ({ code: callingCode, plan } = last);
  else {
    for (let length = 1; length <= 3 && length < digits.length; length++) {
      // Calling codes are digits: other text never reaches (nor fills) the plan cache.
      const unit = digits.charCodeAt(length - 1);
      if (unit < 0x30 || unit > 0x39) return undefined;
      const code = digits.slice(0, length);
      const found = planOf(MetadataOfParser, code);
      if (found === undefined) continue;
      if (found === null) return undefined;
      callingCode = code;
      plan = found;
      last = { code, plan };
      break;
    }
  }
  if (plan === undefined || callingCode === undefined) return undefined;
  // libphonenumber's shortest national number (MIN_LENGTH_FOR_NSN), and E.164's longest
  // number (the full parse words the reason for anything longer).
  const nationalLength = digits.length - callingCode.length;
  if (nationalLength < 2 || digits.length > MAX_WIRE_DIGITS) return undefined;
  if (plan.hasPrefix?.(digits) || !plan.valid.test(digits)) return undefined;
  const e164 =
    input.length === digits.length + 1 && input.charCodeAt(0) === 0x2b && input.endsWith(digits)
      ? input
      : `+${digits}`;
  return { input, phone: digits, e164, country: plan.country, callingCode };
}

/** @internal For tests: how many calling codes the plan cache holds (at most 1,110: one to three digits). */
export function cachedPlanCount(): number {
  return plans.size;
}

/** The plan of `code`; `undefined` when no country has that calling code. */
function planOf(MetadataOfParser: MetadataClass, code: string): Plan | null | undefined {
  const known = plans.get(code);
  if (known !== undefined) return known === false ? undefined : known;
  metadata ??= new MetadataOfParser() as Metadata & MetadataInternals;
  const plan = metadata.hasCallingCode(code) ? buildPlan(metadata, code) : false;
  plans.set(code, plan);
  return plan === false ? undefined : plan;
}

/** The generated plan of `code`, if the metadata loaded now still says the same. */
function buildPlan(loaded: Metadata & MetadataInternals, code: string): Plan | null {
  sources ??= new Map(
    PHONE_PLANS_TEXT.trim()
      .split('\n')
      .map((line) => {
        const [callingCode = '', ...rest] = line.split(' ');
        return [callingCode, rest] as const;
      }),
  );
  const source = sources.get(code);
  if (source === undefined) return null;
  const [country = '', pattern = '', prefix = '-'] = source;
  const countries = loaded.getCountryCodesForCallingCode(code);
  if (countries?.length !== 1 || countries[0] !== country) return null;
  loaded.selectNumberingPlan(country as Parameters<Metadata['selectNumberingPlan']>[0]);
  const plan = loaded.numberingPlan;
  const loadedPrefix = String(plan.nationalPrefixForParsing() ?? '') || '-';
  if (plan.hasTypes() || plan.nationalNumberPattern() !== pattern || loadedPrefix !== prefix)
    return null;
  return {
    country,
    valid: new RegExp(`^${code}(?:${pattern})$`),
    hasPrefix: prefix === '-' ? undefined : prefixCheck(code, prefix),
  };
}

/**
 * Whether a number of calling code `code` goes on with the national prefix pattern
 * `prefix`: a plain comparison when the pattern is only digits (`0` for most plans), the
 * regular expression otherwise.
 */
function prefixCheck(code: string, prefix: string): (digits: string) => boolean {
  if (/^\d+$/.test(prefix)) return (digits) => digits.startsWith(prefix, code.length);
  const pattern = new RegExp(`^${code}(?:${prefix})`);
  return (digits) => pattern.test(digits);
}
