import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSurvey, type SurveyDefinition } from '../../protocol/index.ts';

export class SurveyFileError extends Error {
  override name = 'SurveyFileError';
}

/** Every version of every survey, from the JSON files of one folder. Read once, at start. */
export class SurveyRegistry {
  readonly #byId = new Map<string, Map<number, SurveyDefinition>>();

  constructor(definitions: SurveyDefinition[]) {
    for (const def of definitions) {
      const versions = this.#byId.get(def.id) ?? new Map<number, SurveyDefinition>();
      if (versions.has(def.version))
        throw new SurveyFileError(`survey "${def.id}" version ${def.version} is defined twice`);
      versions.set(def.version, def);
      this.#byId.set(def.id, versions);
    }
  }

  /** Loads and checks every *.json file; one bad file stops the start with its name and the JSON path. */
  static fromFolder(dir: string): SurveyRegistry {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    return new SurveyRegistry(files.map((f) => loadSurveyFile(join(dir, f))));
  }

  latest(id: string): SurveyDefinition | undefined {
    const versions = this.#byId.get(id);
    if (!versions) return undefined;
    return versions.get(Math.max(...versions.keys()));
  }

  get(id: string, version: number): SurveyDefinition | undefined {
    return this.#byId.get(id)?.get(version);
  }

  versions(id: string): SurveyDefinition[] {
    return [...(this.#byId.get(id)?.values() ?? [])].sort((a, b) => a.version - b.version);
  }

  list(): SurveyDefinition[] {
    return [...this.#byId.keys()].sort().map((id) => this.latest(id) as SurveyDefinition);
  }
}

export function loadSurveyFile(file: string): SurveyDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SurveyFileError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const result = checkSurvey(json);
  if (!result.ok) throw new SurveyFileError(result.errors.map((e) => `${file}: ${e.path}: ${e.message}`).join('\n'));
  return result.survey;
}
