import { countSegments, type SegmentInfo } from '../text/segments.js';
import { type SmartEncoding, smartEncode } from '../text/smart-encoding.js';

/** The text a send submits, how it is billed, and what smart encoding did to it. */
export interface TextToSend {
  /** The text as the caller wrote it. */
  readonly written: string;
  /** The text as submitted. */
  readonly text: string;
  /** Its encoding and segments. */
  readonly segments: SegmentInfo;
  /** Smart encoding's verdict on the text as written (computed even when off, for estimates). */
  readonly smart: SmartEncoding;
  /** True when the submitted text is smart encoding's replacement. */
  readonly smartEncoded: boolean;
}

/** The text to submit for `written`: smart encoding's when `smartEncoding` is on and it applies. */
export function textToSend(written: string, smartEncoding: boolean): TextToSend {
  const smart = smartEncode(written);
  const smartEncoded = smartEncoding && smart.applied;
  const text = smartEncoded ? smart.text : written;
  return { written, text, segments: countSegments(text), smart, smartEncoded };
}
