const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/;

/**
 * An exact decimal number: an integer count of `10^-scale` units, kept as a bigint.
 *
 * Money from the provider (balances, prices) goes through this type so that sums and
 * comparisons never pass through binary floating point. `toString()` keeps the scale,
 * so `Decimal.parse('1024.5000').toString()` is `'1024.5000'`.
 */
export class Decimal {
  /** The value in units of `10^-scale`. */
  readonly units: bigint;
  /** The number of digits after the decimal point. */
  readonly scale: number;

  private constructor(units: bigint, scale: number) {
    this.units = units;
    this.scale = scale;
  }

  /**
   * Parses a decimal string such as `"13.92"`, `"-0.0050"` or, as Java's `BigDecimal`
   * may write it, `"1.0245E+3"` (exactly: `1024.5`); throws `RangeError` otherwise.
   */
  static parse(text: string): Decimal {
    const match = typeof text === 'string' ? DECIMAL_PATTERN.exec(text.trim()) : null;
    if (!match)
      throw new RangeError(`Not a decimal number: ${JSON.stringify(String(text).slice(0, 40))}`);
    const [, sign, whole = '0', fraction = '', exponent = '0'] = match;
    let units = BigInt(whole + fraction);
    let scale = fraction.length - Number(exponent);
    if (scale < 0) {
      units *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Decimal(sign === '-' ? -units : units, scale);
  }

  /**
   * Converts a JSON number (e.g. a price of `0.035`) through its shortest round-trip
   * text, which is exact for the short decimals money uses.
   */
  static fromNumber(value: number): Decimal {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return Decimal.parse(String(value));
  }

  /** Builds a decimal from integer units and a scale. */
  static fromUnits(units: bigint, scale: number): Decimal {
    if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`Bad scale: ${scale}`);
    return new Decimal(units, scale);
  }

  /** Zero at the given scale. */
  static zero(scale = 0): Decimal {
    return new Decimal(0n, scale);
  }

  /** This value expressed with at least `scale` fraction digits (never loses digits). */
  rescale(scale: number): Decimal {
    if (scale <= this.scale) return this;
    return new Decimal(this.units * 10n ** BigInt(scale - this.scale), scale);
  }

  /** The exact sum. */
  add(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.rescale(scale).units + other.rescale(scale).units, scale);
  }

  /** The exact difference. */
  subtract(other: Decimal): Decimal {
    return this.add(other.negate());
  }

  /** The exact product with another decimal or an integer count. */
  multiply(factor: Decimal | number | bigint): Decimal {
    // A Decimal of another installed copy of core is a Decimal too: read its fields.
    if (typeof factor === 'object' && factor !== null) {
      return new Decimal(this.units * factor.units, this.scale + factor.scale);
    }
    if (typeof factor === 'number' && !Number.isSafeInteger(factor)) {
      throw new RangeError(`Multiply by an integer count, got ${factor}`);
    }
    return new Decimal(this.units * BigInt(factor), this.scale);
  }

  /** The value with the opposite sign. */
  negate(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  /** -1, 0 or 1 as this value is less than, equal to or greater than `other`. */
  compare(other: Decimal): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.rescale(scale).units;
    const b = other.rescale(scale).units;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** True when both denote the same number, whatever their scales. */
  equals(other: Decimal): boolean {
    return this.compare(other) === 0;
  }

  /** Plain decimal text with exactly `scale` fraction digits, e.g. `"1024.5000"`. */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = this.scale > 0 ? `.${digits.slice(digits.length - this.scale)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }

  /** Serialises as the decimal string, so `JSON.stringify` never meets a bigint. */
  toJSON(): string {
    return this.toString();
  }
}
