import type { CharacterReplacement, SendEstimate } from '@intl-sms/core';

/**
 * What smart encoding does to an estimated send, in a line or none: what it replaced
 * when it is used; when it is off and would save segments, what it would cost instead
 * ("with smart encoding (--smart-encoding) you would pay …"); when it was asked for but
 * cannot apply, why.
 */
export function describeSmartEncoding(estimate: SendEstimate, requested: boolean): string[] {
  const smart = estimate.smartEncoding;
  const { original } = smart;
  if (smart.used) {
    // An estimate is printed before anything is sent: it says what the send will do.
    const saving =
      smart.segmentsSaved > 0
        ? `${smart.smart.segments} segment(s) instead of ${original.segments} (${original.encoding}), cost ${smart.smart.totalCost} instead of ${original.totalCost}`
        : `${smart.smart.segments} segment(s), as many as in ${original.encoding} (no saving)`;
    return [
      `smart encoding: goes out as ${smart.smart.encoding}, ${saving}; replacing ${replacements(smart.replacements)}`,
    ];
  }
  if (!requested && smart.applicable && smart.segmentsSaved > 0) {
    return [
      `with smart encoding (--smart-encoding) you would pay ${smart.smart.totalCost} instead of ${original.totalCost}: ${smart.smart.segments} segment(s) instead of ${original.segments}, replacing ${replacements(smart.replacements)}`,
    ];
  }
  if (!requested) return [];
  if (original.encoding === 'GSM-7') return ['smart encoding: nothing to replace (already GSM-7)'];
  if (smart.blockedBy.length > 0)
    return [
      `smart encoding: the text stays UCS-2, these characters have no GSM-7 look-alike: ${smart.blockedBy.map(shown).join(' ')}`,
    ];
  return ['smart encoding: the text stays as written (replacing would not save a segment)'];
}

/** `“ → " ×2, — → - ×1`: each replaced character, what it becomes, how often. */
function replacements(list: readonly CharacterReplacement[]): string {
  return list
    .map(
      (r) =>
        `${shown(r.character)} → ${r.replacement === '' ? '(removed)' : shown(r.replacement)} ×${r.count}`,
    )
    .join(', ');
}

/** A character as a reader can see it: invisible and space-like ones by their code point. */
function shown(text: string): string {
  if (text === ' ') return 'space';
  if (!/^[\s\p{Cf}\p{Cc}\p{Z}]+$/u.test(text)) return text;
  return [...text]
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}
