import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Subresource Integrity hashes for every file a host page loads, so a security
// reviewer can pin exactly what runs (https://www.w3.org/TR/SRI/).
export function sriHashes(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(js|mjs|css)$/.test(f))
    .sort();
  return Object.fromEntries(
    files.map((f) => [
      f.replaceAll('\\', '/'),
      `sha384-${createHash('sha384')
        .update(readFileSync(join(dir, f)))
        .digest('base64')}`,
    ]),
  );
}

if (process.argv[1]?.endsWith('write-sri.ts')) {
  const dir = process.argv[2] ?? 'dist';
  const hashes = sriHashes(dir);
  writeFileSync(join(dir, 'sri.json'), `${JSON.stringify(hashes, null, 2)}\n`);
  console.log(`wrote ${dir}/sri.json (${Object.keys(hashes).length} files)`);
}
