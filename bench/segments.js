// Segment counting and number normalisation: messages/s of countSegments vs
// sms-segments-calculator on the same corpus (results must be identical), and
// numbers/s of normalizePhone.
import { countSegments, normalizePhone } from '@intl-sms/core';
import { SegmentedMessage } from 'sms-segments-calculator';
import { ratio, stats } from './stats.js';

const CORPUS = [
  'Your verification code is 424242. It expires in 10 minutes.',
  'Hello {name}, your order [#1234] ships today ~ thanks | Acme €5 off',
  'a'.repeat(300),
  '€'.repeat(120),
  '您的验证码是 424242，十分钟内有效。',
  'Your parcel 📦 is on its way 🚚 track it at example.com/t/123',
  `Mixed ${'你好'.repeat(40)} text`,
  'Ваш код подтверждения: 4242',
];

function rate(iterations, fn) {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) fn(CORPUS[i % CORPUS.length]);
  return iterations / ((performance.now() - started) / 1000);
}

/** Runs the benchmark. */
export async function segments({ iterations = 200_000, rounds = 5 } = {}) {
  const mismatches = CORPUS.filter((text) => {
    const ours = countSegments(text);
    const reference = new SegmentedMessage(text);
    return ours.encoding !== reference.encodingName || ours.segments !== reference.segmentsCount;
  });
  const ours = [];
  const reference = [];
  rate(iterations / 10, countSegments);
  rate(iterations / 10, (text) => new SegmentedMessage(text));
  for (let round = 0; round < rounds; round++) {
    ours.push(rate(iterations, countSegments));
    reference.push(rate(iterations / 10, (text) => new SegmentedMessage(text)));
  }
  const numbers = Array.from(
    { length: 20_000 },
    (_, i) => `+63917${String(i * 10 + 5).padStart(7, '0')}`,
  );
  await normalizePhone(numbers[0]);
  const started = performance.now();
  for (const number of numbers) await normalizePhone(number);
  const numbersPerSecond = Math.round(numbers.length / ((performance.now() - started) / 1000));
  const result = { oursPerSecond: stats(ours, 0), referencePerSecond: stats(reference, 0) };
  const r = ratio(result.oursPerSecond.median, result.referencePerSecond.median);
  return {
    name: 'segment counting vs sms-segments-calculator; number normalisation',
    ...result,
    ratio: r,
    mismatches: mismatches.length,
    numbersPerSecond,
    bar: '≥ 1× the reference with identical results',
    met: r >= 1 && mismatches.length === 0,
    summary: `countSegments ${result.oursPerSecond.median}/s vs reference ${result.referencePerSecond.median}/s (${r}×), ${mismatches.length} differences on the corpus; normalizePhone ${numbersPerSecond} numbers/s`,
  };
}
