// @tgwf/co2 ships no types; only the part the impact carbon figures and the footprint bench call.
declare module '@tgwf/co2' {
  export class co2 {
    constructor(options?: { model?: 'swd' | '1byte'; version?: 3 | 4 });
    /** Grams CO2e for transferring `bytes`. */
    perByte(bytes: number, green?: boolean): number;
  }
}
