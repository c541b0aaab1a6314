/**
 * HyperLogLog with 2^12 one-byte registers (4 KiB, ~1.6% standard error): the distinct count of a
 * column once it has more values than the exact set keeps (DISTINCT_EXACT_CAP).
 */
const PRECISION = 12;
const REGISTERS = 1 << PRECISION;
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

export class HyperLogLog {
  private readonly registers = new Uint8Array(REGISTERS);

  /** `hash` is a 53-bit hash (hashString): the low 12 bits pick a register, the rest rank. */
  add(hash: number): void {
    this.addHalves(hash >>> 0, Math.floor(hash / 4294967296));
  }

  /**
   * The same for a hash given as its low 32 bits and the 21 above (`hashLow`, `hashHigh`): the
   * rank is 1 + the leading zeros of the 41 bits above the register index (42 when all are zero),
   * by Math.clz32 instead of a logarithm.
   */
  addHalves(low: number, high: number): void {
    const index = low & (REGISTERS - 1);
    const restLow = low >>> PRECISION; // 20 bits
    const bits = high !== 0 ? 52 - Math.clz32(high) : 32 - Math.clz32(restLow);
    const rank = 42 - bits;
    if (rank > this.registers[index]!) this.registers[index] = rank;
  }

  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (const register of this.registers) {
      sum += 2 ** -register;
      if (register === 0) zeros++;
    }
    const raw = (ALPHA * REGISTERS * REGISTERS) / sum;
    // Small-range correction (linear counting) where raw HLL is biased.
    if (raw <= 2.5 * REGISTERS && zeros > 0) return Math.round(REGISTERS * Math.log(REGISTERS / zeros));
    return Math.round(raw);
  }
}
