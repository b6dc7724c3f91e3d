import { execFileSync } from 'node:child_process';
import { parseYamlDocuments, type ManifestObject } from './yaml-documents';

/**
 * The kubectl whose built-in kustomize renders the overlays: `KUBECTL` when set, else the one on
 * the PATH. `.ci/run` installs one when the machine has none (see deploy/README.md).
 */
export function kubectlBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBECTL ?? 'kubectl';
}

/** `kubectl kustomize <dir>`: the objects an overlay would apply, exactly as kubectl builds them. */
export function renderKustomization(dir: string): ManifestObject[] {
  const kubectl = kubectlBinary();
  let output: string;
  try {
    output = execFileSync(kubectl, ['kustomize', dir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `${kubectl} not found: the manifest tests need kubectl 1.30+ (kustomize v5) on the PATH or in KUBECTL; .ci/run installs one`,
    );
  }
  return parseYamlDocuments(output, `kubectl kustomize ${dir}`);
}
