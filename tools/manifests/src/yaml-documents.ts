import { loadAll } from 'js-yaml';

/** A Kubernetes object as written: apiVersion, kind, metadata and whatever its kind holds. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** The objects of a multi-document YAML stream; empty documents are skipped. */
export function parseYamlDocuments(text: string, source: string): ManifestObject[] {
  const documents = loadAll(text).filter((doc) => doc !== null && doc !== undefined);
  for (const doc of documents) {
    if (typeof doc !== 'object' || !('kind' in doc) || !('apiVersion' in doc)) {
      throw new Error(`${source}: a document without apiVersion and kind`);
    }
  }
  return documents as ManifestObject[];
}

export const objectName = (object: ManifestObject): string =>
  `${object.kind}/${object.metadata.name}`;
