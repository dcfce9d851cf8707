import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designEffect } from '../../../../collector/impact/stats/design-effect.ts';
import { type Margin, rake } from '../../../../collector/impact/stats/rake.ts';

// Our raking against R's survey::rake on the same generated data (Debian's r-cran-survey; .ci/run installs it).

const run = promisify(execFile);

// A small deterministic generator (mulberry32), so the data set and the figures are the same on every run.
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r: number, values: string[], cumulative: number[]) => values[cumulative.findIndex((c) => r < c)];

// A skewed sample: FR over-represented, the youngest under-represented, compared with the population margins.
const random = generator(18);
const units = Array.from({ length: 400 }, () => ({
  country: pick(random(), ['FR', 'GB', 'US'], [0.6, 0.85, 1]),
  age: pick(random(), ['18-24', '25-34', '35+'], [0.15, 0.6, 1]),
  funding: pick(random(), ['self', 'grant'], [0.7, 1]),
  y: random() < 0.4 ? 1 : 0,
}));
const margins: Margin[] = [
  {
    attribute: 'country',
    counts: new Map([
      ['FR', 1200],
      ['GB', 1500],
      ['US', 1300],
    ]),
  },
  {
    attribute: 'age',
    counts: new Map([
      ['18-24', 1600],
      ['25-34', 1400],
      ['35+', 1000],
    ]),
  },
  {
    attribute: 'funding',
    counts: new Map([
      ['self', 2000],
      ['grant', 2000],
    ]),
  },
];

const frame = (m: Margin) =>
  `data.frame(${m.attribute}=c(${[...m.counts.keys()].map((k) => `"${k}"`).join(',')}), Freq=c(${[...m.counts.values()].join(',')}))`;
const script = (dir: string) => `
suppressMessages(library(survey))
d <- read.csv("${join(dir, 'units.csv')}", colClasses=c("character","character","character","numeric"))
d$w0 <- 1
design <- svydesign(ids=~1, data=d, weights=~w0)
raked <- rake(design, sample.margins=list(~country, ~age, ~funding),
  population.margins=list(${margins.map(frame).join(', ')}), control=list(maxit=100, epsilon=1e-9))
w <- weights(raked)
deff <- length(w) * sum(w^2) / sum(w)^2
write.csv(data.frame(w=w), "${join(dir, 'weights.csv')}", row.names=FALSE)
write.csv(data.frame(deff=deff, mean=coef(svymean(~y, raked))), "${join(dir, 'figures.csv')}", row.names=FALSE)
`;

let dir = '';
let rWeights: number[] = [];
let rFigures: { deff: number; mean: number } = { deff: Number.NaN, mean: Number.NaN };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rake-r-'));
  const rows = units.map((u) => `${u.country},${u.age},${u.funding},${u.y}`);
  await writeFile(join(dir, 'units.csv'), `country,age,funding,y\n${rows.join('\n')}\n`);
  await writeFile(join(dir, 'rake.R'), script(dir));
  try {
    await run('Rscript', [join(dir, 'rake.R')]);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    throw new Error(
      e.code === 'ENOENT'
        ? 'rake-r.test.ts: Rscript is not on PATH, and the raking test compares with R: install r-cran-survey: apt-get install r-cran-survey'
        : `rake-r.test.ts: Rscript failed on ${join(dir, 'rake.R')}: ${e.stderr ?? e.message}; check that library(survey) loads (apt-get install r-cran-survey)`,
    );
  }
  const numbers = (text: string) => text.trim().split('\n').slice(1);
  rWeights = numbers(await readFile(join(dir, 'weights.csv'), 'utf8')).map(Number);
  const [deff, mean] = numbers(await readFile(join(dir, 'figures.csv'), 'utf8'))[0]
    .split(',')
    .map(Number);
  rFigures = { deff, mean };
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('rake against R survey::rake', () => {
  // No cap here: R's rake has none, and this sample's weights stay under 5 × the mean anyway.
  const ours = rake(
    units.map((u) => ({ country: u.country, age: u.age, funding: u.funding })),
    margins,
    { cap: Number.POSITIVE_INFINITY, epsilon: 1e-10 },
  );

  it('converges and gives the weights R gives, to a relative 1e-6', () => {
    expect(ours.converged).toBe(true);
    expect(rWeights).toHaveLength(units.length);
    const worst = Math.max(...ours.weights.map((w, i) => Math.abs(w - rWeights[i]) / rWeights[i]));
    console.log(`rake vs R: max relative difference of the weights ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('gives the design effect R computes from its weights, and svymean', () => {
    expect(designEffect(ours.weights)?.designEffect).toBeCloseTo(rFigures.deff, 6);
    const total = ours.weights.reduce((a, w) => a + w, 0);
    const mean = ours.weights.reduce((a, w, i) => a + w * units[i].y, 0) / total;
    expect(mean).toBeCloseTo(rFigures.mean, 6);
  });
});
