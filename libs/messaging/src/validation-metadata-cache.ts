import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;

let installed = false;

/**
 * Makes class-validator remember which rules apply to a class. Its own lookup, run for every
 * object validated (each nested one too), filters the class's rules and then tests the class
 * against every decorated class there is (`prototype instanceof`) for inherited ones: with the
 * hundreds of contract classes this was 2–4 % of every service's CPU in the profiles. The rules
 * are declared by decorators as modules load; a rule added later (a schema, a decorator run at
 * run time) clears what was remembered. Once per process; the storage is global.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  let remembered = new WeakMap<object, Map<string, TargetMetadatas>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = remembered.get(target);
    if (!byOptions) {
      byOptions = new Map();
      remembered.set(target, byOptions);
    }
    let metadatas = byOptions.get(key);
    if (!metadatas) {
      metadatas = lookUp(target, schema, always, strictGroups, groups);
      byOptions.set(key, metadatas);
    }
    return metadatas;
  };
  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    remembered = new WeakMap();
    addRule(metadata);
  };
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addConstraintMetadata = (metadata) => {
    remembered = new WeakMap();
    addConstraint(metadata);
  };
}
