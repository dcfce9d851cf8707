export type Progress = { tick(rows?: number): void; done(): void };

const QUIET: Progress = { tick() {}, done() {} };

/** Rows done, rate and time left on one redrawn line; silent unless the stream is a terminal. */
export function progressBar(total: number, out: NodeJS.WriteStream = process.stderr, now = Date.now): Progress {
  if (!out.isTTY) return QUIET;
  const started = now();
  let rows = 0;
  let drawn = 0;
  const draw = () => {
    const seconds = Math.max(0.001, (now() - started) / 1000);
    const rate = rows / seconds;
    const share = total > 0 ? Math.min(1, rows / total) : 1;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    const eta = rate > 0 ? Math.ceil((total - rows) / rate) : 0;
    out.write(
      `\r[${bar}] ${rows.toLocaleString('en')}/${total.toLocaleString('en')} rows, ${Math.round(rate).toLocaleString('en')}/s, ${eta}s left `,
    );
  };
  return {
    tick(count = 1) {
      rows += count;
      if (now() - drawn >= 200) {
        drawn = now();
        draw();
      }
    },
    done() {
      draw();
      out.write('\n');
    },
  };
}
