// The official reference data (/work/shared/reference): `<repo>/../shared/reference` in the main checkout,
// the absolute path in a worktree. Absent in a user's fresh clone: tests that read it skip.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES = [path.resolve(import.meta.dirname, '../../../shared/reference'), '/work/shared/reference'];

/** the reference folder, or undefined when this checkout has none */
export const REFERENCE_DIR: string | undefined = CANDIDATES.find((dir) => existsSync(path.join(dir, 'openapi-meta')));

export const referencePath = (...parts: string[]): string => path.join(REFERENCE_DIR ?? '/nonexistent', ...parts);

export interface MetaParameter {
  name: string;
  in?: string;
  style?: string;
  schema?: MetaSchema;
}

export interface MetaSchema {
  type?: string;
  description?: string;
  enum?: string[];
  properties?: Record<string, MetaSchema>;
  items?: MetaSchema;
  additionalProperties?: MetaSchema | boolean;
  $ref?: string;
  [key: string]: unknown;
}

export interface MetaApi {
  parameters?: MetaParameter[];
  responses?: Record<string, { schema?: MetaSchema }>;
}

export interface ApiMeta {
  apis: Record<string, MetaApi>;
  components?: { schemas?: Record<string, MetaSchema> };
  endpoints?: { regionId: string; endpoint: string }[];
}

const cache = new Map<string, ApiMeta>();

/** openapi-meta/<file>.api-docs.json, e.g. meta('ecs_2014-05-26') */
export function meta(file: string): ApiMeta {
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(referencePath('openapi-meta', `${file}.api-docs.json`), 'utf8')) as ApiMeta;
    cache.set(file, loaded);
  }
  return loaded;
}
